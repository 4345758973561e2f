import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { LoginInput, RegisterInput, UpdateMeInput, User } from "../../shared/schemas/auth";
import { api, isSessionLost, onSessionLost, refreshAccessToken, setAccessToken } from "./api";
import { changeLocale } from "./i18n";
import { forgetLocalNotes } from "./localNotes";
import type { PiiriSocket } from "./socket";

export type AuthState = { status: "loading" } | { status: "signedOut"; reason?: "sessionEnded" } | { status: "signedIn"; user: User };

interface AuthContextValue {
  state: AuthState;
  signIn(input: LoginInput): Promise<User>;
  register(input: RegisterInput): Promise<User>;
  signOut(): Promise<void>;
  updateProfile(input: UpdateMeInput): Promise<User>;
  /** The realtime connection while signed in; null until it has loaded. */
  socket: PiiriSocket | null;
}

const AuthContext = createContext<AuthContextValue | null>(null);

// Not a secret: only says "this browser had a session", so a first visit does not ask for a refresh
// that can only fail.
const SESSION_HINT_KEY = "piiri-has-session";

function setSessionHint(present: boolean): void {
  try {
    if (present) localStorage.setItem(SESSION_HINT_KEY, "1");
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Storage unavailable: the app then simply always tries a refresh.
  }
}

function hasSessionHint(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) === "1";
  } catch {
    return true;
  }
}

/**
 * Code that listens to the socket and is loaded on demand (App's live updates): the socket is opened
 * only once it has loaded too, so its listeners are in place before the first push can arrive.
 */
const loadBeforeConnecting: (() => Promise<unknown>)[] = [];

export function loadBeforeSocketConnects(load: () => Promise<unknown>): void {
  loadBeforeConnecting.push(load);
}

let restoring: Promise<User | null> | null = null;

/** On page load: trade the refresh cookie for an access token and load the profile. */
function restoreSession(): Promise<User | null> {
  restoring ??= (async () => {
    if (!hasSessionHint()) return null;
    try {
      await refreshAccessToken();
      const { user } = await api.me();
      return user;
    } catch (error) {
      setAccessToken(null);
      // Only the server's word ends the session here. A request cut off by leaving the page (a reload, a
      // quick second navigation) or a dropped connection says nothing about it, and forgetting the hint
      // then would sign the next page out without even asking.
      if (isSessionLost(error)) setSessionHint(false);
      return null;
    }
  })();
  return restoring;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: "loading" });

  const signedIn = useCallback(async (user: User, accessToken?: string) => {
    if (accessToken) setAccessToken(accessToken);
    setSessionHint(true);
    await changeLocale(user.locale);
    setState({ status: "signedIn", user });
    return user;
  }, []);

  const endLocally = useCallback(
    (reason?: "sessionEnded") => {
      setAccessToken(null);
      setSessionHint(false);
      queryClient.clear();
      setState(reason ? { status: "signedOut", reason } : { status: "signedOut" });
    },
    [queryClient],
  );

  useEffect(() => {
    let cancelled = false;
    void restoreSession().then((user) => {
      if (cancelled) return;
      if (user) void signedIn(user);
      else setState({ status: "signedOut" });
    });
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  useEffect(() => onSessionLost(() => endLocally("sessionEnded")), [endLocally]);

  // The realtime connection exists only while signed in; socket.io-client loads with it.
  const userId = state.status === "signedIn" ? state.user.id : null;
  const [socket, setSocket] = useState<PiiriSocket | null>(null);
  useEffect(() => {
    if (!userId) return;
    let opened: PiiriSocket | null = null;
    let cancelled = false;
    void Promise.all([import("./connectSocket"), ...loadBeforeConnecting.map((load) => load())]).then(([{ connectSocket }]) => {
      if (cancelled) return;
      opened = connectSocket(() => endLocally("sessionEnded"));
      setSocket(opened);
    });
    return () => {
      cancelled = true;
      opened?.disconnect();
      setSocket(null);
    };
  }, [userId, endLocally]);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      async signIn(input) {
        const { user, accessToken } = await api.login(input);
        return signedIn(user, accessToken);
      },
      async register(input) {
        const { user, accessToken } = await api.register(input);
        return signedIn(user, accessToken);
      },
      async signOut() {
        const userId = state.status === "signedIn" ? state.user.id : null;
        try {
          await api.logout();
        } finally {
          endLocally();
          if (userId) void forgetLocalNotes(userId);
        }
      },
      async updateProfile(input) {
        const { user } = await api.updateMe(input);
        setState({ status: "signedIn", user });
        return user;
      },
      socket,
    }),
    [state, signedIn, endLocally, socket],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const context = useContext(AuthContext);
  if (!context) throw new Error("useAuth outside AuthProvider");
  return context;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== "signedIn") throw new Error("useUser without a signed-in user");
  return state.user;
}

/** The signed-in user's realtime connection, or null while it loads. */
export function useSocket(): PiiriSocket | null {
  return useAuth().socket;
}
