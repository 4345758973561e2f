import type { TFunction } from "i18next";
import type { AssessmentRound, RoundKind } from "../../../shared/schemas/assessments";

/*
 * Words for the self-assessment enums; every value has a text in fi, sv and en (checked by
 * tests/unit/assessmentsClientLabels.test.ts through `ASSESSMENT_LABEL_KEYS`).
 */
export const roundKindLabel = (t: TFunction, kind: RoundKind) => t(`assessments.kinds.${kind}`);
export const roundStatusLabel = (t: TFunction, status: AssessmentRound["status"]) => t(`assessments.roundStatus.${status}`);
export const myResponseLabel = (t: TFunction, state: AssessmentRound["myResponse"]) => t(`assessments.myState.${state}`);

export const ASSESSMENT_LABEL_KEYS = {
  kinds: ["start", "midpoint", "end", "feedback"],
  roundStatus: ["upcoming", "open", "closed"],
  myState: ["none", "draft", "submitted"],
  reasons: ["no_rounds", "below_threshold"],
} as const;
