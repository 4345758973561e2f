import { io } from "socket.io-client";
import { getAccessToken, refreshAccessToken } from "./api";
import type { PiiriSocket } from "./socket";

// Apart from ./socket on purpose: this is the only module that loads socket.io-client, and auth.tsx
// imports it only once someone has signed in, so the signed-out pages never download it.

/**
 * Opens the signed-in user's socket. The handshake reads the current access token on every (re)connect;
 * a handshake refused with `token_expired` refreshes the token once and tries again. `onSessionEnded`
 * runs when the server ends this session (signed out or ended from another device).
 */
export function connectSocket(onSessionEnded: () => void): PiiriSocket {
  const socket: PiiriSocket = io({
    auth: (callback) => callback({ token: getAccessToken() ?? "" }),
    transports: ["websocket", "polling"],
  });

  socket.on("session:ended", () => {
    socket.disconnect();
    onSessionEnded();
  });

  socket.on("connect_error", (error) => {
    // A refused handshake is not retried by socket.io itself (socket.active is false).
    if (socket.active) return;
    if (error.message === "token_expired") {
      refreshAccessToken().then(
        () => socket.connect(),
        () => undefined, // refreshAccessToken already reported a lost session
      );
    } else if (error.message === "session_ended" || error.message === "token_invalid") {
      onSessionEnded();
    }
  });

  return socket;
}
