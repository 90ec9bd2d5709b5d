/**
 * Saves a CSV the API offers (`Accept: text/csv`) as a file: the name from the answer's
 * Content-Disposition, else `fallbackName`. Throws the `ApiError` of a refused request.
 */
import { request } from './client.ts';

export async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  const response = await request(path, { accept: 'text/csv' });
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
