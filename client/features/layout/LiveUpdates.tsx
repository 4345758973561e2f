import { useAssessmentLiveUpdates } from "../assessments/live";
import { useGatheringLiveUpdates } from "../gatherings/live";
import { useGroupLiveUpdates } from "../groups/live";
import { useSchedulingLiveUpdates } from "../scheduling/live";

/**
 * Socket pushes about groups reach the query cache whichever page is open. For signed-in users only,
 * so App loads this with the socket rather than with the first page.
 */
export default function LiveUpdates() {
  useGroupLiveUpdates();
  useAssessmentLiveUpdates();
  useSchedulingLiveUpdates();
  useGatheringLiveUpdates();
  return null;
}
