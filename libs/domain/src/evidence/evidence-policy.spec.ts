import {
  downloadFileName,
  evidenceTypeOf,
  parseMediaType,
  sanitiseFileName,
  servedContentType,
} from './evidence-policy';

const text = new TextEncoder().encode('询问笔录\r\n第二行\t完');
const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);

describe('evidence media types', () => {
  it('parses well-formed media types to their lower-case essence, resolving aliases', () => {
    expect(parseMediaType('Image/JPEG')).toBe('image/jpeg');
    expect(parseMediaType('image/jpg')).toBe('image/jpeg');
    expect(parseMediaType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(parseMediaType('text/plain;charset="GB18030"')).toBe('text/plain');
    expect(parseMediaType('audio/x-wav')).toBe('audio/vnd.wave');
  });

  it.each([
    'image/png\r\nSet-Cookie: x=1',
    'image/png\n',
    'image',
    'image /png',
    '/png',
    'image/png; charset',
    'a'.repeat(129),
  ])('refuses the malformed media type %j', (value) => {
    expect(() => parseMediaType(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('takes the type from the bytes when they have a signature', () => {
    expect(evidenceTypeOf({ detected: 'image/png', content: binary })).toBe('image/png');
    expect(evidenceTypeOf({ declared: 'application/octet-stream', detected: 'image/png', content: binary })).toBe(
      'image/png',
    );
    expect(evidenceTypeOf({ declared: 'image/jpeg', detected: 'image/png', content: binary })).toBe('image/png');
  });

  it('lets the declaration pick the document type inside a container format', () => {
    expect(evidenceTypeOf({ declared: 'application/msword', detected: 'application/x-cfb', content: binary })).toBe(
      'application/msword',
    );
    expect(evidenceTypeOf({ declared: 'application/ofd', detected: 'application/zip', content: binary })).toBe(
      'application/ofd',
    );
    expect(() => evidenceTypeOf({ detected: 'application/zip', content: binary })).toThrow();
    expect(() =>
      evidenceTypeOf({ declared: 'application/x-cfb', detected: 'application/x-cfb', content: binary }),
    ).toThrow();
  });

  it('accepts undetectable content only as declared plain text that looks like text', () => {
    expect(evidenceTypeOf({ declared: 'text/plain', content: text })).toBe('text/plain');
    expect(evidenceTypeOf({ declared: 'text/csv; charset=utf-8', content: text })).toBe('text/csv');
    expect(() => evidenceTypeOf({ declared: 'text/plain', content: binary })).toThrow();
    expect(() => evidenceTypeOf({ content: text })).toThrow(/could not be recognised/);
    expect(() => evidenceTypeOf({ declared: 'image/png', content: text })).toThrow(/does not match/);
  });

  it.each([
    'text/html',
    'image/svg+xml',
    'application/javascript',
    'application/xhtml+xml',
    'application/x-msdownload',
  ])('refuses %s whatever the bytes are', (declared) => {
    expect(() => evidenceTypeOf({ declared, detected: 'image/png', content: binary })).toThrow(/not accepted/);
  });

  it('refuses bytes of a type outside the list', () => {
    expect(() => evidenceTypeOf({ detected: 'application/x-msdownload', content: binary })).toThrow(/not accepted/);
    expect(() => evidenceTypeOf({ detected: 'application/xml', content: text })).toThrow(/not accepted/);
  });

  it('serves stored types only when they are on the list, notes as UTF-8 text', () => {
    expect(servedContentType('image/png', 'FILE')).toBe('image/png');
    expect(servedContentType('text/html', 'FILE')).toBe('application/octet-stream');
    expect(servedContentType('text/html\r\nSet-Cookie: x', 'FILE')).toBe('application/octet-stream');
    expect(servedContentType(null, 'FILE')).toBe('application/octet-stream');
    expect(servedContentType(null, 'NOTE')).toBe('text/plain; charset=utf-8');
  });
});

describe('evidence file names', () => {
  it.each([
    ['现场照片 1.png', '现场照片 1.png'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\zhang\\现场.png', '现场.png'],
    ['a\u0000b\u0007c\u001b.png', 'abc.png'],
    ['\u202Egnp.exe', 'gnp.exe'],
    ['  spaced \t name .pdf ', 'spaced name .pdf'],
    ['..', null],
    ['dir/', null],
    ['', null],
  ])('sanitises %j to %j', (given, expected) => {
    expect(sanitiseFileName(given)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const long = `${'证'.repeat(300)}.pdf`;
    const cleaned = sanitiseFileName(long)!;
    expect([...cleaned]).toHaveLength(200);
    expect(cleaned.endsWith('.pdf')).toBe(true);
  });

  it('names unnamed downloads after the attachment and its type', () => {
    const id = '6f1c4a52-4a0b-4c59-9c41-0f1b8e2d7a10';
    expect(downloadFileName({ id, fileName: null, kind: 'FILE' }, 'image/png')).toBe(`attachment-${id}.png`);
    expect(downloadFileName({ id, fileName: null, kind: 'FILE' }, 'application/octet-stream')).toBe(
      `attachment-${id}.bin`,
    );
    expect(downloadFileName({ id, fileName: null, kind: 'NOTE' }, 'text/plain; charset=utf-8')).toBe(
      `attachment-${id}.txt`,
    );
    expect(downloadFileName({ id, fileName: '../x.pdf', kind: 'FILE' }, 'application/pdf')).toBe('x.pdf');
  });
});
