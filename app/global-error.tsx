"use client";
// Last resort when the root layout itself fails: no i18n is available here, so both languages.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="sv">
      <body>
        <main style={{ maxWidth: 640, margin: "3rem auto", fontFamily: "system-ui", padding: "0 1rem" }}>
          <h1>Något gick fel</h1>
          <p lang="en">Something went wrong.</p>
          <button type="button" onClick={reset}>
            Försök igen / <span lang="en">Try again</span>
          </button>
        </main>
      </body>
    </html>
  );
}
