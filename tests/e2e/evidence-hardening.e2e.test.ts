import { OrgHarness, startOrgHarness } from '../support/harness';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const DOWNLOAD_CSP = "default-src 'none'; sandbox";

/** Evidence: the type comes from the bytes and an allowlist, names are sanitised, downloads are never rendered inline. */
describe('evidence upload and download hardening over HTTP', () => {
  let h: OrgHarness;
  let caseId: string;

  beforeAll(async () => {
    h = await startOrgHarness({ temporal: 'dev' });
    const res = await h
      .http()
      .post('/cases/penalty')
      .set(h.as('officerA'))
      .send({ title: '证据测试', enterpriseId: h.org.enterpriseId });
    expect(res.status).toBe(201);
    caseId = res.body.id;
  });
  afterAll(async () => h?.close());

  const upload = (body: Record<string, unknown>) =>
    h.http().post(`/cases/${caseId}/attachments`).set(h.as('officerA')).send(body);
  const file = (content: Buffer, extra: Record<string, unknown> = {}) =>
    upload({ kind: 'FILE', contentBase64: content.toString('base64'), ...extra });
  const download = (id: string) => h.http().get(`/cases/${caseId}/attachments/${id}/content`).set(h.as('officerA'));

  const expectAttachmentHeaders = (res: { headers: Record<string, string> }) => {
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(DOWNLOAD_CSP);
  };

  it.each([
    ['HTML declared as text/html', HTML, 'text/html'],
    ['HTML declared as an image', HTML, 'image/png'],
    ['HTML declared as SVG', HTML, 'image/svg+xml'],
    ['HTML with no declared type', HTML, undefined],
    ['a PNG declared as text/html', PNG, 'text/html'],
    ['a PNG declared as JavaScript', PNG, 'application/javascript'],
  ])('refuses %s with 400', async (_what, content, contentType) => {
    const res = await file(content, { fileName: 'x.png', ...(contentType ? { contentType } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['CR/LF', 'image/png\r\nSet-Cookie: stolen=1'],
    ['a line feed', 'image/png\nX: y'],
    ['no subtype', 'image'],
    ['spaces inside the type', 'image /png'],
    ['a control character', 'image/png\u0007'],
  ])('refuses a content type with %s with 400', async (_what, contentType) => {
    const res = await file(PNG, { fileName: 'x.png', contentType });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('stores the type detected from the bytes and serves it as an attachment', async () => {
    const png = await file(PNG, { fileName: 'photo.png', contentType: 'application/octet-stream' });
    expect(png.status).toBe(201);
    expect(png.body.contentType).toBe('image/png');
    const res = await download(png.body.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expectAttachmentHeaders(res);
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);

    const pdf = await file(PDF, { fileName: 'decision.pdf' });
    expect(pdf.status).toBe(201);
    expect(pdf.body.contentType).toBe('application/pdf');
    const text = await file(Buffer.from('询问笔录\n'), { fileName: 'notes.txt', contentType: 'text/plain' });
    expect(text.status).toBe(201);
    expect(text.body.contentType).toBe('text/plain');
    const textRes = await download(text.body.id);
    expect(textRes.headers['content-type']).toMatch(/^text\/plain/);
    expectAttachmentHeaders(textRes);
  });

  it('encodes Chinese file names per RFC 6266/5987 and sanitises names', async () => {
    const named = await file(PNG, { fileName: '现场照片 1.png' });
    expect(named.status).toBe(201);
    const res = await download(named.body.id);
    expect(res.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%201.png",
    );
    expect(res.headers['content-disposition']).toMatch(/filename="[ -~]*"/);

    for (const [given, stored] of [
      ['../../etc/passwd.png', 'passwd.png'],
      ['C:\\Users\\zhang\\现场.png', '现场.png'],
      ['bell\u0007\u001b[31m.png', 'bell[31m.png'],
      ['\u202Egnp.exe', 'gnp.exe'],
      ['   ', null],
    ] as const) {
      const res = await file(PNG, { fileName: given });
      expect(res.status).toBe(201);
      expect(res.body.fileName).toBe(stored);
    }
    const unnamed = await file(PNG, {});
    const unnamedRes = await download(unnamed.body.id);
    expect(unnamedRes.headers['content-disposition']).toMatch(/^attachment; filename="attachment-[0-9a-f-]{36}\.png"$/);
  });

  it('serves notes as attachments too', async () => {
    const note = await upload({ kind: 'NOTE', text: '<script>alert(1)</script>' });
    expect(note.status).toBe(201);
    const res = await download(note.body.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expectAttachmentHeaders(res);
  });

  it.each([
    ['a content type with CR/LF', 'text/html\r\nSet-Cookie: stolen=1'],
    ['text/html', 'text/html'],
    ['SVG', 'image/svg+xml'],
  ])('still downloads a stored row with %s, as application/octet-stream', async (_what, contentType) => {
    const rows: Array<{ id: string }> = await h.db.ds.query(
      `INSERT INTO attachments (case_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1, 'FILE', 'old.html', $2, $3, repeat('0', 64), $4, $5) RETURNING id`,
      [caseId, contentType, HTML.length, HTML, h.org.users.officerA.id],
    );
    const res = await download(rows[0].id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expectAttachmentHeaders(res);
    const list = await h.http().get(`/cases/${caseId}/attachments`).set(h.as('officerA'));
    expect(list.body.items.find((a: { id: string }) => a.id === rows[0].id).contentType).toBe(
      'application/octet-stream',
    );
  });
});
