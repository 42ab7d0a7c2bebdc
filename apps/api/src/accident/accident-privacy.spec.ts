import { maskAccidentDetail } from './accident-privacy';

describe('masked accident detail', () => {
  const detail = {
    id: '0a1b2c3d-1391-2345-6781-391234567812',
    summary: '张三（身份证110101199003071234，电话13912345678）与科长李四',
    responsibleParties: [
      { kind: 'ENTERPRISE_STAFF', name: '张三', position: '操作工', idNumber: '110101199003071234' },
      {
        kind: 'PUBLIC_OFFICIAL',
        name: '李四',
        position: '监管科科长',
        idNumber: null,
        organisation: '测试县应急管理局',
      },
    ],
    tasks: [
      {
        id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
        payload: {
          responsibleParties: [{ kind: 'PUBLIC_OFFICIAL', name: '王五', idNumber: '320102198001011238' }],
          attachmentIds: ['13912345678a-0000-0000-0000-000000000000'],
          note: '王五已到场',
        },
      },
    ],
    evidence: { sha256: 'ab13912345678cd', uploadedAt: '2026-01-01T00:00:00.000Z' },
    // User ids whose last group reads like a mobile number.
    createdBy: '0a1b2c3d-1391-4345-8781-a13912345678',
    workflow: { history: [{ status: 'INVESTIGATING', by: '0a1b2c3d-1391-4345-8781-a13912345678' }] },
  };

  it('masks ID numbers, phone numbers and every referred official, keeps identifiers', () => {
    const masked = maskAccidentDetail(detail);
    expect(masked.personalData).toBe('MASKED');
    expect(masked.summary).toBe('张三（身份证110101************，电话139********）与科长李*');
    expect(masked.responsibleParties).toEqual([
      { kind: 'ENTERPRISE_STAFF', name: '张三', position: '操作工', idNumber: '110101********1234' },
      { kind: 'PUBLIC_OFFICIAL', name: '李*', position: null, idNumber: null, organisation: '测试县应急管理局' },
    ]);
    const text = JSON.stringify(masked);
    expect(text).not.toMatch(/李四|王五|320102198001011238|13912345678）/);
    expect(masked.id).toBe(detail.id);
    expect(masked.tasks[0].id).toBe(detail.tasks[0].id);
    expect(masked.tasks[0].payload.attachmentIds).toEqual(detail.tasks[0].payload.attachmentIds);
    expect(masked.evidence).toEqual(detail.evidence);
    expect(masked.createdBy).toBe(detail.createdBy);
    expect(masked.workflow).toEqual(detail.workflow);
  });
});
