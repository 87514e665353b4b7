// Reading a submitted form for a use case: trimmed text, "" as null where the field is optional.
export const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
export const optional = (form: FormData, key: string) => text(form, key) || null;
/** A typed number: "" stays unknown (NaN → "enter a number"), a decimal comma is read as a point. */
export const number = (form: FormData, key: string) => {
  const raw = text(form, key).replace(/\s/g, "").replace(",", ".");
  return raw === "" ? NaN : Number(raw);
};
/** An optional number: "" is null. */
export const optionalNumber = (form: FormData, key: string) => (text(form, key) === "" ? null : number(form, key));
