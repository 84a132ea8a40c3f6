/** Saves text as a file through the browser's download (a Blob, an object URL and an anchor click). */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download may still be reading the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
