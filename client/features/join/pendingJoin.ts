/**
 * An invitation link opened while signed out. Signing in or registering lands on the home page,
 * which sends the person back to the invitation; sessionStorage keeps it to this tab only.
 */
const KEY = "piiri-pending-join";

export function rememberPendingJoin(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage unavailable: the person can open the link again after signing in.
  }
}

export function takePendingJoin(): string | null {
  try {
    const token = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return token;
  } catch {
    return null;
  }
}
