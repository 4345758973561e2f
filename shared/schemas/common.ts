import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors";

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "ErrorResponse" });

export const HealthResponse = z.object({ status: z.literal("ok") }).meta({ id: "HealthResponse" });
export type HealthResponse = z.infer<typeof HealthResponse>;
