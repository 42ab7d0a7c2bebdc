import { DomainError, ErrorCode } from '../errors';

/**
 * What may be stored as evidence and how it is served. The type of a file is taken from its bytes
 * (magic numbers) wherever the format has them; the client's declaration only has to agree with them,
 * and it decides alone only for plain text. Nothing outside this list is accepted: no HTML, SVG or
 * script, which a browser could run on the API's origin.
 */
export const EVIDENCE_TYPES: Readonly<Record<string, { extension: string; text?: true }>> = {
  'image/jpeg': { extension: 'jpg' },
  'image/png': { extension: 'png' },
  'image/gif': { extension: 'gif' },
  'image/webp': { extension: 'webp' },
  'image/bmp': { extension: 'bmp' },
  'image/tiff': { extension: 'tif' },
  'image/heic': { extension: 'heic' },
  'image/heif': { extension: 'heif' },
  'image/avif': { extension: 'avif' },
  'video/mp4': { extension: 'mp4' },
  'video/quicktime': { extension: 'mov' },
  'video/webm': { extension: 'webm' },
  'video/vnd.avi': { extension: 'avi' },
  'video/x-matroska': { extension: 'mkv' },
  'video/3gpp': { extension: '3gp' },
  'video/mpeg': { extension: 'mpg' },
  'video/mp2t': { extension: 'ts' },
  'audio/mpeg': { extension: 'mp3' },
  'audio/mp4': { extension: 'm4a' },
  'audio/x-m4a': { extension: 'm4a' },
  'audio/aac': { extension: 'aac' },
  'audio/vnd.wave': { extension: 'wav' },
  'audio/amr': { extension: 'amr' },
  'audio/ogg': { extension: 'ogg' },
  'application/pdf': { extension: 'pdf' },
  // 版式文档 OFD (GB/T 33190), the format of Chinese electronic official documents.
  'application/ofd': { extension: 'ofd' },
  'application/msword': { extension: 'doc' },
  'application/vnd.ms-excel': { extension: 'xls' },
  'application/vnd.ms-powerpoint': { extension: 'ppt' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { extension: 'pptx' },
  'application/vnd.oasis.opendocument.text': { extension: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { extension: 'ods' },
  'application/vnd.oasis.opendocument.presentation': { extension: 'odp' },
  'application/rtf': { extension: 'rtf' },
  'text/plain': { extension: 'txt', text: true },
  'text/csv': { extension: 'csv', text: true },
};

/** Common spellings of the same types. */
const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'video/avi': 'video/vnd.avi',
  'video/x-msvideo': 'video/vnd.avi',
  'audio/wav': 'audio/vnd.wave',
  'audio/wave': 'audio/vnd.wave',
  'audio/x-wav': 'audio/vnd.wave',
  'audio/mp3': 'audio/mpeg',
  'audio/m4a': 'audio/x-m4a',
  'text/rtf': 'application/rtf',
};

/**
 * Container formats the bytes reveal without the exact document type: the declaration picks one of
 * the listed types (old Office files are compound files; OFD is a ZIP package).
 */
const CONTAINERS: Readonly<Record<string, readonly string[]>> = {
  'application/x-cfb': ['application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint'],
  'application/zip': ['application/ofd'],
};

/** "Type unknown to the sender": the bytes decide. */
const UNDECLARED = 'application/octet-stream';

/** RFC 9110 token characters. */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const MEDIA_TYPE = new RegExp(`^(${TOKEN})/(${TOKEN})\\s*(;.*)?$`);
const PARAMETER = new RegExp(`^\\s*${TOKEN}=(?:${TOKEN}|"[^"\\\\]*")\\s*$`);

const invalid = (field: string, message: string): DomainError =>
  new DomainError(ErrorCode.VALIDATION_FAILED, message, { fields: [{ path: field, message }] });

const canonical = (essence: string): string => ALIASES[essence] ?? essence;

/**
 * The essence (`type/subtype`, lower case, aliases resolved) of a declared media type, or a 400 for
 * anything malformed: control characters (CR/LF could split headers), missing subtype, bad parameters.
 */
export function parseMediaType(value: string, field = 'contentType'): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value) || value.length > 128)
    throw invalid(field, `${field} contains control characters or is too long`);
  const match = MEDIA_TYPE.exec(value.trim());
  const parameters = match?.[3] ? match[3].slice(1).split(';') : [];
  if (!match || parameters.some((p) => !PARAMETER.test(p)))
    throw invalid(field, `${field} is not a media type such as image/jpeg`);
  return canonical(`${match[1]}/${match[2]}`.toLowerCase());
}

/** Plain text as far as bytes can tell: no NUL bytes and no control characters other than whitespace. */
export function looksLikeText(content: Uint8Array): boolean {
  for (const byte of content)
    if (byte === 0 || (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) || byte === 0x7f) return false;
  return true;
}

/**
 * The type to store for a file, from the declared type (may be absent) and what the bytes were
 * detected as (absent when the format has no signature). Throws a 400 naming `contentType` otherwise.
 */
export function evidenceTypeOf(input: {
  declared?: string | null;
  detected?: string | null;
  content: Uint8Array;
}): string {
  const declared = input.declared ? parseMediaType(input.declared) : null;
  if (declared && declared !== UNDECLARED && !EVIDENCE_TYPES[declared] && !CONTAINERS[declared])
    throw invalid(
      'contentType',
      `${declared} is not accepted as evidence (images, video, audio, PDF/OFD, office documents, plain text)`,
    );
  const detected = input.detected ? canonical(input.detected.toLowerCase()) : null;
  if (detected) {
    if (EVIDENCE_TYPES[detected]) return detected;
    const inside = CONTAINERS[detected];
    if (inside && declared && inside.includes(declared)) return declared;
    throw invalid('contentType', `the file's content is ${detected}, which is not accepted as evidence`);
  }
  if (declared && EVIDENCE_TYPES[declared]?.text && looksLikeText(input.content)) return declared;
  throw invalid(
    'contentType',
    declared && declared !== UNDECLARED
      ? `the file's content does not match ${declared}`
      : 'the file type could not be recognised; declare text/plain or text/csv for text files',
  );
}

/** The Content-Type a stored attachment is served with: an accepted type, else application/octet-stream. */
export function servedContentType(stored: string | null, kind: 'FILE' | 'NOTE'): string {
  if (kind === 'NOTE') return 'text/plain; charset=utf-8';
  if (!stored) return UNDECLARED;
  try {
    const essence = parseMediaType(stored);
    return EVIDENCE_TYPES[essence] ? essence : UNDECLARED;
  } catch {
    return UNDECLARED;
  }
}

/** Directional and invisible formatting characters that make a name read differently than it is. */
const BIDI_AND_INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
export const MAX_FILE_NAME_LENGTH = 200;

/**
 * A file name safe to store and to put in a Content-Disposition header: the last path segment only
 * (clients send full Windows paths, attackers send ../), no control or bidirectional characters,
 * trimmed, at most 200 characters (the extension kept). Null when nothing is left.
 */
export function sanitiseFileName(name: string | null | undefined): string | null {
  if (name === null || name === undefined) return null;
  const segment = name.split(/[/\\]/).pop() ?? '';
  const cleaned = segment.replace(CONTROL, '').replace(BIDI_AND_INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return null;
  const chars = [...cleaned];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return chars.slice(0, MAX_FILE_NAME_LENGTH - [...extension].length).join('') + extension;
}

/** The name a download is offered under: the stored one, else `attachment-<id>.<extension of its type>`. */
export function downloadFileName(
  attachment: { id: string; fileName: string | null; kind: 'FILE' | 'NOTE' },
  servedType: string,
): string {
  const stored = sanitiseFileName(attachment.fileName);
  if (stored) return stored;
  const essence = servedType.split(';')[0];
  const extension = attachment.kind === 'NOTE' ? 'txt' : (EVIDENCE_TYPES[essence]?.extension ?? 'bin');
  return `attachment-${attachment.id}.${extension}`;
}
