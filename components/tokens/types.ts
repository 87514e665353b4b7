type Issue = { path: string; message: string };
export type CreateTokenState = { ok: true; secret: string; name: string } | { ok: false; code: string; issues?: Issue[] } | null;
export type RevokeTokenState = { ok: true } | { ok: false; code: string };
