import { DomainError } from '../errors/domain-error';
import { type ListSpec, ListResult, parseListQuery } from './list-query';

const spec: ListSpec<{ id: number }> = {
  resource: 'things',
  sortable: { id: 't.id', submittedAt: 't.submitted_at', number: 't.number', due: 't.due' },
  defaultSort: ['id', 'DESC'],
  keyset: {
    id: { type: 'int', nullable: false },
    submittedAt: { type: 'timestamptz', nullable: true },
    number: { type: 'text', nullable: true },
    due: { type: 'date', nullable: false },
  },
  filters: {},
};

const sorted = (field: string, after: unknown) =>
  parseListQuery({ sort: JSON.stringify([field, 'DESC']), after: JSON.stringify(after) }, spec);

/** The per-field message a bad query is refused with. */
function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors;
    throw error;
  }
  throw new Error('not refused');
}

describe('parseListQuery: the keyset cursor `after`', () => {
  it('reads [sortValue, id] of the previous page’s last row for the sort field', () => {
    expect(sorted('submittedAt', ['2026-03-01T10:00:00.000Z', 42]).after).toEqual({
      value: '2026-03-01T10:00:00.000Z',
      id: 42,
    });
    expect(sorted('id', [42, 42]).after).toEqual({ value: 42, id: 42 });
    expect(sorted('due', ['2026-02-28', 7]).after).toEqual({ value: '2026-02-28', id: 7 });
    // A nullable column's cursor may be null: the previous page ended among the nulls.
    expect(sorted('number', [null, 9]).after).toEqual({ value: null, id: 9 });
    expect(parseListQuery({}, spec).after).toBeUndefined();
  });

  it.each([
    ['due', [null, 7]], // not nullable
    ['due', ['2026-02-30', 7]],
    ['submittedAt', ['yesterday', 7]],
    ['submittedAt', ['2026-03-01', 7]],
    ['id', ['42', 42]],
    ['id', [42, 0]],
    ['id', [42, 1.5]],
    ['id', [42]],
    ['number', [{ $gt: '' }, 3]],
    ['number', ['x'.repeat(201), 3]],
  ])('refuses %s after %j with a coded 400, never a failed cast', (field, after) => {
    expect(refusal(() => sorted(field, after))).toEqual({ after: 'validation.cursor' });
  });

  it('refuses a cursor on a list that does not page by keyset', () => {
    const plain: ListSpec<{ id: number }> = { ...spec, keyset: undefined };
    expect(refusal(() => parseListQuery({ after: '[1,1]' }, plain))).toEqual({
      after: 'validation.cursor',
    });
  });
});

describe('ListResult', () => {
  it('keeps the range and whether the total is estimated when its rows are mapped', () => {
    const page = new ListResult('things', [{ id: 1 }], 25, 180_000, true).withItems([{ name: 'a' }]);
    expect(page).toEqual(new ListResult('things', [{ name: 'a' }], 25, 180_000, true));
  });
});
