import { describeForm, placeErrors, toPayload, unwrapNullable, type JsonSchema } from './schema';

const titled = (zh: string, en: string, rest: JsonSchema): JsonSchema => ({ title: zh, 'x-title-en': en, ...rest });

/** Shaped like the investigation step: nested arrays of objects, enums with labels, users, attachments. */
const investigation: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['findings', 'evidence'],
  properties: {
    findings: titled('调查发现', 'Findings', { type: 'string', minLength: 1, 'x-widget': 'textarea' }),
    evidence: titled('证据', 'Evidence', {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['kind', 'description', 'officers'],
        properties: {
          kind: titled('证据种类', 'Kind of evidence', {
            type: 'string',
            enum: ['INSPECTION_RECORD', 'PHOTO'],
            oneOf: [
              { const: 'INSPECTION_RECORD', title: '现场检查笔录', 'x-title-en': 'Inspection record' },
              { const: 'PHOTO', title: '照片', 'x-title-en': 'Photo' },
            ],
          }),
          description: titled('证据说明', 'Description', { type: 'string', maxLength: 2000 }),
          attachmentIds: titled('附件', 'Attachments', {
            type: 'array',
            items: { type: 'string', format: 'uuid' },
            'x-widget': 'attachments',
          }),
          officers: titled('取证执法人员', 'Collecting officers', {
            type: 'array',
            minItems: 2,
            items: {
              type: 'object',
              required: ['officerId', 'credentialNo'],
              properties: {
                officerId: titled('执法人员', 'Officer', { type: 'string', format: 'uuid', 'x-widget': 'user' }),
                credentialNo: titled('执法证号', 'Credential number', { type: 'string' }),
              },
            },
          }),
        },
      },
    }),
  },
};

const proposal: JsonSchema = {
  type: 'object',
  required: ['facts'],
  properties: {
    facts: titled('违法事实', 'Facts', { type: 'string' }),
    fineYuan: titled('罚款金额（元）', 'Fine (yuan)', {
      type: 'number',
      minimum: 0,
      multipleOf: 0.01,
      'x-widget': 'money',
    }),
    measures: titled('处罚种类', 'Penalty measures', {
      type: 'array',
      items: {
        type: 'string',
        enum: ['WARNING', 'FINE'],
        oneOf: [{ const: 'FINE', title: '罚款', 'x-title-en': 'Fine' }],
      },
    }),
    serious: titled('重大违法行为', 'Serious violation', { type: 'boolean' }),
    heardOn: titled('听证日期', 'Hearing date', { type: 'string', format: 'date' }),
    servedAt: titled('送达时间', 'Served at', { type: 'string', format: 'date-time' }),
    days: titled('天数', 'Days', { type: 'integer', minimum: 1, maximum: 60 }),
    reviewers: titled('审核人员', 'Reviewers', {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      'x-widget': 'users',
    }),
    participants: titled('参加人员', 'Participants', { type: 'array', items: { type: 'string' } }),
    note: { anyOf: [titled('备注', 'Note', { type: 'string' }), { type: 'null' }] },
  },
};

/** What a date picker holds: a dayjs-like value that formats itself. */
const pickedDate = (iso: string) => ({
  format: (template?: string) =>
    template === 'YYYY-MM-DD' ? iso.slice(0, 10) : template === 'YYYY-MM-DDTHH:mm:ssZ' ? `${iso}+08:00` : iso,
  toISOString: () => iso,
});

describe('describeForm', () => {
  it('describes nested lists of objects with their titles in both languages, required flags and widgets', () => {
    const [findings, evidence] = describeForm(investigation);
    expect(findings).toMatchObject({
      name: 'findings',
      kind: 'textarea',
      required: true,
      label: { zh: '调查发现', en: 'Findings' },
    });
    expect(evidence.kind).toBe('list');
    expect(evidence.item!.kind).toBe('object');
    const [kind, description, attachmentIds, officers] = evidence.item!.fields!;
    expect(kind).toMatchObject({ kind: 'choice', required: true });
    expect(kind.options).toEqual([
      { value: 'INSPECTION_RECORD', label: { zh: '现场检查笔录', en: 'Inspection record' } },
      { value: 'PHOTO', label: { zh: '照片', en: 'Photo' } },
    ]);
    expect(description).toMatchObject({ kind: 'text', required: true });
    expect(attachmentIds).toMatchObject({ kind: 'attachments', required: false });
    expect(officers.kind).toBe('list');
    expect(officers.schema.minItems).toBe(2);
    expect(officers.item!.fields!.map((f) => [f.name, f.kind])).toEqual([
      ['officerId', 'user'],
      ['credentialNo', 'text'],
    ]);
  });

  it('maps money, enum lists (labels falling back to the code), booleans, dates, instants, integers, users, free lists and nullable values', () => {
    const byName = Object.fromEntries(describeForm(proposal).map((f) => [f.name, f]));
    expect(byName.fineYuan.kind).toBe('money');
    expect(byName.measures.kind).toBe('choices');
    expect(byName.measures.options).toEqual([
      { value: 'WARNING', label: { zh: 'WARNING', en: 'WARNING' } },
      { value: 'FINE', label: { zh: '罚款', en: 'Fine' } },
    ]);
    expect(byName.serious.kind).toBe('boolean');
    expect(byName.heardOn.kind).toBe('date');
    expect(byName.servedAt.kind).toBe('datetime');
    expect(byName.days.kind).toBe('integer');
    expect(byName.reviewers.kind).toBe('users');
    expect(byName.participants.kind).toBe('texts');
    expect(byName.note).toMatchObject({ kind: 'text', label: { zh: '备注', en: 'Note' }, required: false });
  });

  it('resolves schemas used more than once ($ref into $defs), in properties and list items', () => {
    const measure = titled('处罚种类', 'Penalty measure', {
      type: 'string',
      enum: ['FINE'],
      oneOf: [{ const: 'FINE', title: '罚款', 'x-title-en': 'Fine' }],
    });
    const [main, others] = describeForm({
      type: 'object',
      $defs: { measure },
      properties: {
        main: { $ref: '#/$defs/measure' },
        others: titled('其他处罚', 'Other measures', { type: 'array', items: { $ref: '#/$defs/measure' } }),
      },
    });
    expect(main).toMatchObject({ kind: 'choice', label: { zh: '处罚种类', en: 'Penalty measure' } });
    expect(others.kind).toBe('choices');
    expect(others.options).toEqual([{ value: 'FINE', label: { zh: '罚款', en: 'Fine' } }]);
  });

  it('maps a department (x-widget: department) to the department picker, in a payload and in a list item', () => {
    const competent = titled('有权处理部门', 'Competent department', {
      type: 'string',
      format: 'uuid',
      'x-widget': 'department',
    });
    const [departmentId, findings] = describeForm({
      type: 'object',
      required: ['departmentId'],
      properties: {
        departmentId: competent,
        findings: titled('检查发现', 'Findings', {
          type: 'array',
          items: { type: 'object', properties: { competentDepartmentId: competent } },
        }),
      },
    });
    expect(departmentId).toMatchObject({ kind: 'department', required: true });
    expect(findings.item!.fields!.map((f) => [f.name, f.kind])).toEqual([['competentDepartmentId', 'department']]);
  });

  it('falls back to the property name when a schema has no title', () => {
    expect(describeForm({ type: 'object', properties: { comment: { type: 'string' } } })[0].label).toEqual({
      zh: 'comment',
      en: 'comment',
    });
    expect(unwrapNullable({ type: 'string' })).toEqual({ type: 'string' });
  });
});

describe('toPayload', () => {
  it('converts dates to China local dates, instants to +08:00, numbers to numbers, and drops empty optional fields', () => {
    const fields = describeForm(proposal);
    const payload = toPayload(fields, {
      facts: '  未按规定培训  ',
      fineYuan: '40000.5',
      measures: [],
      serious: undefined,
      heardOn: pickedDate('2026-03-02T00:00:00'),
      servedAt: pickedDate('2026-03-02T10:00:00'),
      days: 30,
      reviewers: [],
      participants: ['局长', '副局长'],
      note: '',
    });
    expect(payload).toEqual({
      facts: '未按规定培训',
      fineYuan: 40000.5,
      heardOn: '2026-03-02',
      servedAt: '2026-03-02T10:00:00+08:00',
      days: 30,
      participants: ['局长', '副局长'],
    });
  });

  it('keeps nested list items and their objects', () => {
    const payload = toPayload(describeForm(investigation), {
      findings: '发现问题',
      evidence: [
        {
          kind: 'PHOTO',
          description: '现场照片',
          attachmentIds: [],
          officers: [
            { officerId: 'a', credentialNo: 'A1' },
            { officerId: 'b', credentialNo: 'B1' },
          ],
        },
      ],
    });
    expect(payload).toEqual({
      findings: '发现问题',
      evidence: [
        {
          kind: 'PHOTO',
          description: '现场照片',
          officers: [
            { officerId: 'a', credentialNo: 'A1' },
            { officerId: 'b', credentialNo: 'B1' },
          ],
        },
      ],
    });
  });

  it('reads what was picked as China wall-clock time when the value knows time zones', () => {
    const zones: string[] = [];
    const picked = {
      ...pickedDate('2026-03-02T10:00:00'),
      tz: (zone: string, keepLocalTime: boolean) => {
        zones.push(`${zone}:${keepLocalTime}`);
        return pickedDate('2026-03-02T10:00:00');
      },
    };
    const fields = describeForm(proposal);
    expect(toPayload(fields, { facts: 'x', servedAt: picked }).servedAt).toBe('2026-03-02T10:00:00+08:00');
    expect(zones).toEqual(['Asia/Shanghai:true']);
  });

  it('sends false for a required boolean left untouched', () => {
    const fields = describeForm({ type: 'object', required: ['agreed'], properties: { agreed: { type: 'boolean' } } });
    expect(toPayload(fields, {})).toEqual({ agreed: false });
  });
});

describe('placeErrors', () => {
  const fields = describeForm(investigation);

  it('places API field errors on the fields they name, nested through list indices', () => {
    const placed = placeErrors(fields, [
      { path: 'payload.findings', message: '不能为空' },
      { path: 'payload.evidence.0.officers', message: '至少两名执法人员' },
      { path: 'payload.evidence.1.officers.0.credentialNo', message: '执法证号不符' },
      { path: 'payload.evidence.0.officers', message: '不得重复' },
    ]);
    expect(placed.general).toEqual([]);
    expect(placed.fields).toEqual([
      { name: ['findings'], errors: ['不能为空'] },
      { name: ['evidence', 0, 'officers'], errors: ['至少两名执法人员', '不得重复'] },
      { name: ['evidence', 1, 'officers', 0, 'credentialNo'], errors: ['执法证号不符'] },
    ]);
  });

  it('lands a path below a rendered field on that field, and an error on a whole object item on its list', () => {
    const placed = placeErrors(fields, [
      { path: 'payload.evidence.0.attachmentIds.2', message: '不属于本案' },
      { path: 'payload.evidence.3', message: '证据项无效' },
    ]);
    expect(placed.fields).toEqual([
      { name: ['evidence', 0, 'attachmentIds'], errors: ['不属于本案'] },
      { name: ['evidence'], errors: ['证据项无效'] },
    ]);
  });

  it('reports errors outside the payload or on unknown fields as general errors', () => {
    const placed = placeErrors(fields, [
      { path: 'outcome', message: '未知的办理结果' },
      { path: 'payload.unknownField', message: '不允许的字段' },
      { path: 'payload', message: '缺少内容' },
    ]);
    expect(placed.fields).toEqual([]);
    expect(placed.general).toEqual(['outcome: 未知的办理结果', '不允许的字段', '缺少内容']);
  });
});
