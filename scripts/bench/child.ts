/** Starting a measured server as a child process of the runner, and talking to it over IPC. */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AnyServerKind, ChildMessage, MemorySample, ParentMessage, ServerKind } from "./protocol";

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, "../..");

export interface ServerHandle<K extends AnyServerKind = ServerKind> {
  kind: K;
  url: string;
  tokens: string[];
  conversationIds: string[];
  startupMs: number;
  sample(): Promise<MemorySample>;
  clients(): Promise<number>;
  /** CPU time the server process has used so far, in milliseconds (user + system). */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Extra Node flags for the child, e.g. `--cpu-prof --cpu-prof-dir=DIR`. */
  nodeFlags?: string[];
}

/** `server.ts <kind> ...args` in a child process with `--expose-gc`; resolves once it is listening. */
export function startServer<K extends AnyServerKind>(kind: K, args: readonly (string | number)[], options: StartOptions = {}): Promise<ServerHandle<K>> {
  const child: ChildProcess = fork(path.join(HERE, "server.ts"), [kind, ...args.map(String)], {
    cwd: ROOT,
    execArgv: ["--expose-gc", ...(options.nodeFlags ?? []), "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 0;
  const pending = new Map<number, (message: ChildMessage) => void>();
  const request = (type: "sample" | "clients" | "cpu"): Promise<ChildMessage> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ type, id } satisfies ParentMessage);
    });

  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${kind} server exited with code ${code} before it was ready`)));
    child.on("message", (message: ChildMessage) => {
      if (message.type === "error") reject(new Error(`${kind} server failed: ${message.message}`));
      else if (message.type === "ready") {
        child.removeAllListeners("exit");
        resolve({
          kind,
          url: message.url,
          tokens: message.tokens,
          conversationIds: message.conversationIds ?? [],
          startupMs: message.startupMs,
          async sample() {
            const reply = await request("sample");
            if (reply.type !== "sample") throw new Error("unexpected reply");
            return reply.sample;
          },
          async clients() {
            const reply = await request("clients");
            if (reply.type !== "clients") throw new Error("unexpected reply");
            return reply.clients;
          },
          async cpuMs() {
            const reply = await request("cpu");
            if (reply.type !== "cpu") throw new Error("unexpected reply");
            return (reply.user + reply.system) / 1000;
          },
          stop() {
            return new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              // A CPU profile is written at exit, which can take a few seconds for a long run.
              const timer = setTimeout(() => child.kill("SIGKILL"), options.nodeFlags?.length ? 30_000 : 5000);
              child.once("exit", () => {
                clearTimeout(timer);
                done();
              });
              child.send({ type: "stop" } satisfies ParentMessage);
            });
          },
        });
      } else if ("id" in message) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
  });
}
