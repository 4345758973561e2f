import { z } from "zod";
import { DISPLAY_NAME, EMAIL, PASSWORD } from "../limits";
import { LOCALES } from "../locales";

const Email = z
  .string()
  .trim()
  .max(EMAIL.maxLength)
  .pipe(z.email())
  .transform((email) => email.toLowerCase())
  .meta({ description: "Sign-in address; compared case-insensitively", example: "aino@example.fi" });

const Password = z.string().min(PASSWORD.minLength).max(PASSWORD.maxLength);

const DisplayName = z.string().trim().min(DISPLAY_NAME.minLength).max(DISPLAY_NAME.maxLength);

export const Locale = z.enum(LOCALES).meta({ id: "Locale", description: "Interface language" });

export const RegisterInput = z
  .object({ email: Email, password: Password, displayName: DisplayName, locale: Locale.optional() })
  .meta({ id: "RegisterInput" });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z
  // A sign-in only checks shape: length rules are for choosing a password, not for typing one.
  .object({ email: Email, password: z.string().min(1).max(PASSWORD.maxLength) })
  .meta({ id: "LoginInput" });
export type LoginInput = z.infer<typeof LoginInput>;

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: Locale,
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

export const AuthResponse = z
  .object({ user: User, accessToken: z.string() })
  .meta({ id: "AuthResponse", description: "Also sets the HttpOnly refresh cookie" });
export type AuthResponse = z.infer<typeof AuthResponse>;

export const RefreshResponse = z.object({ accessToken: z.string() }).meta({ id: "RefreshResponse" });
export type RefreshResponse = z.infer<typeof RefreshResponse>;

export const MeResponse = z.object({ user: User }).meta({ id: "MeResponse" });

export const UpdateMeInput = z
  .object({ displayName: DisplayName.optional(), locale: Locale.optional() })
  .refine((input) => input.displayName !== undefined || input.locale !== undefined, {
    message: "Give displayName or locale",
  })
  .meta({ id: "UpdateMeInput" });
export type UpdateMeInput = z.infer<typeof UpdateMeInput>;

export const AuthSession = z
  .object({
    id: z.uuid(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "AuthSession", description: "A signed-in device or browser" });
export type AuthSession = z.infer<typeof AuthSession>;

export const SessionList = z.object({ sessions: z.array(AuthSession) }).meta({ id: "SessionList" });

export const SessionIdParams = z.object({ sessionId: z.uuid() });
