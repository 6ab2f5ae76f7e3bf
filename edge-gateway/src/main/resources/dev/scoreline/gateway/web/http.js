// Reading the gateway's HTTP API.

/** The body of a GET as JSON; an error carrying the HTTP status otherwise. */
export async function getJson(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) {
    const error = new Error(`${url}: ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}
