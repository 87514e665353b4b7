import "server-only";
import { notFound } from "next/navigation";
import { AppError, isInvalidText } from "./errors";

/**
 * For pages: a record that does not exist (or is not visible) shows the 404 page, as does an id
 * no record can have (a NUL byte in the URL); other errors propagate.
 */
export async function orNotFound<T>(pending: Promise<T>): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    if ((error instanceof AppError && error.status === 404) || isInvalidText(error)) notFound();
    throw error;
  }
}
