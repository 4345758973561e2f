import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAuth } from "../../lib/auth";
import { listenTo, onReconnect } from "../../lib/socket";

/** Query keys of the self-assessment pages; everything of one group sits under its group id. */
export const assessmentKeys = {
  all: ["assessments"] as const,
  group: (groupId: string) => ["assessments", groupId] as const,
  rounds: (groupId: string) => ["assessments", groupId, "rounds"] as const,
  round: (groupId: string, roundId: string) => ["assessments", groupId, "round", roundId] as const,
  growth: (groupId: string) => ["assessments", groupId, "growth"] as const,
  sharedGrowth: (groupId: string) => ["assessments", groupId, "shared"] as const,
  aggregates: (groupId: string) => ["assessments", groupId, "aggregates"] as const,
  feedback: (groupId: string) => ["assessments", groupId, "feedback"] as const,
  due: ["assessments", "due"] as const,
  templates: ["assessments", "templates"] as const,
  programme: (programmeId: string) => ["assessments", "programme", programmeId] as const,
  programmeSettings: (programmeId: string) => ["assessments", "programme-settings", programmeId] as const,
};

/**
 * A round opened, closed or got another answer: the server says only which group, and every page
 * showing that group's self-assessments (and the home page's due list) fetches again. Counts and
 * aggregates never travel in the push, so nothing private can leak through it.
 */
export function useAssessmentLiveUpdates(): void {
  const { socket } = useAuth();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    const onUpdated = ({ groupId }: { groupId: string }) => {
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.group(groupId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.due });
      void queryClient.invalidateQueries({ queryKey: ["assessments", "programme"] });
    };
    return listenTo(socket, {
      "assessments:updated": onUpdated,
      connect: onReconnect(socket, () => void queryClient.invalidateQueries({ queryKey: assessmentKeys.all })),
    });
  }, [socket, queryClient]);
}
