import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useAuth } from "../../lib/auth";
import { listenTo, onReconnect } from "../../lib/socket";
import { gatheringKeys } from "./gatheringsApi";

/**
 * A gathering I take part in changed (someone answered, a group published its digest, the host moved
 * it): its page and the lists showing it fetch again. After a reconnect everything is fetched again.
 */
export function useGatheringLiveUpdates(): void {
  const { socket } = useAuth();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    return listenTo(socket, {
      "gathering:updated": ({ gatheringId }) => {
        void queryClient.invalidateQueries({ queryKey: gatheringKeys.detail(gatheringId) });
        void queryClient.invalidateQueries({ queryKey: gatheringKeys.mine });
        void queryClient.invalidateQueries({ queryKey: ["gatherings", "programme"] });
      },
      connect: onReconnect(socket, () => void queryClient.invalidateQueries({ queryKey: gatheringKeys.all })),
    });
  }, [socket, queryClient]);
}
