import type { FormErrors } from '../../lib/mutationResult';
import type { ErrorCode } from '../../gql/graphql';

// The file goes to POST /bibliotheque/televersement (multipart), not to /graphql: XMLHttpRequest for its upload
// progress, with the session cookie and the CSRF header like every write.

export interface UploadFields {
  /** The slug of the document that gets a new version; absent for a new document. */
  document?: string;
  title?: string;
  summary?: string;
  type?: string;
  licence?: string;
  documentDate?: string;
  toolSlugs?: string[];
  categorySlugs?: string[];
}

export type UploadOutcome = { ok: true; data: { slug: string; version: number } } | { ok: false; errors: FormErrors };

interface ApiError {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

function readAnswer(status: number, text: string): UploadOutcome {
  let body: { data?: { slug: string; version: number }; errors?: ApiError[] } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (status >= 200 && status < 300 && body?.data) return { ok: true, data: body.data };
  const error = body?.errors?.[0];
  if (!error) return { ok: false, errors: { message: `Le serveur a répondu par une erreur (HTTP ${status}). Réessayez plus tard.`, fields: {} } };
  const fields: FormErrors['fields'] = {};
  for (const field of error.extensions?.fields ?? []) fields[field.field] ??= field.message;
  const code = error.extensions?.code;
  return { ok: false, errors: { message: error.message, fields, ...(code && code !== 'PAYLOAD_TOO_LARGE' && code !== 'INTERNAL' ? { code: code as ErrorCode } : {}) } };
}

/** Sends the file and its fields; `onProgress` gets the share sent, from 0 to 1. Never throws. */
export function uploadDocument(file: File, fields: UploadFields, onProgress: (share: number) => void): Promise<UploadOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string' && one !== '') form.append(name, one);
  }
  form.append('file', file, file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/bibliotheque/televersement');
    request.setRequestHeader('x-mutualis-csrf', '1');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => resolve(readAnswer(request.status, request.responseText));
    request.onerror = () => resolve({ ok: false, errors: { message: 'Le serveur est injoignable. Vérifiez votre connexion, puis réessayez.', fields: {} } });
    request.send(form);
  });
}
