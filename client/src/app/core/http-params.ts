import { HttpParams } from '@angular/common/http';

/** Query parameters from an object, leaving out undefined, null and blank values. */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue;
    }
    const text = String(value).trim();
    if (text !== '') {
      params = params.set(key, text);
    }
  }
  return params;
}
