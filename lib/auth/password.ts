// Password hashing with bcrypt (a real KDF), in pure JS so no native build is needed.
import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the user does not exist, so a wrong e-mail costs as much
// time as a wrong password and timing does not reveal which accounts exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.9Yk1kVq0ZP7X1y5o6Bo0T3C6f6rS";
export async function verifyAgainstNothing(password: string): Promise<false> {
  await bcrypt.compare(password, DUMMY_HASH);
  return false;
}
