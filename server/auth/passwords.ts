import { hash, verify } from "@node-rs/argon2";

// `Algorithm` is an ambient const enum the compiler cannot inline here; 2 is Algorithm.Argon2id.
const ARGON2ID = 2;

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password, OPTIONS);
}

/**
 * Checked against when the email is unknown, so a wrong email takes as long as a wrong password and
 * timing does not tell whether an account exists.
 */
let dummyHash: Promise<string> | undefined;
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("piiri-timing-equaliser");
  return dummyHash.then((value) => verify(value, password, OPTIONS)).then(() => false);
}
