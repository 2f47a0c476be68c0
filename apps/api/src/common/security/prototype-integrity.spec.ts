import { prototypePollution } from './prototype-integrity';

describe('prototypePollution', () => {
  it('finds nothing in an intact process', () => {
    expect(prototypePollution()).toEqual([]);
  });

  it('names a key assigned onto Object.prototype, as TypeORM did with sort=["__proto__","ASC"]', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['p.id'] = 'ASC';
    try {
      expect(prototypePollution()).toEqual(['Object.prototype.p.id']);
    } finally {
      delete prototype['p.id'];
    }
    expect(prototypePollution()).toEqual([]);
  });

  it('names an overwritten built-in and a key added to Array.prototype', () => {
    const original = Object.prototype.toString;
    const arrays = Array.prototype as unknown as Record<string, unknown>;
    Object.prototype.toString = () => 'polluted';
    arrays.polluted = true;
    try {
      expect(prototypePollution().sort()).toEqual(['Array.prototype.polluted', 'Object.prototype.toString']);
    } finally {
      Object.prototype.toString = original;
      delete arrays.polluted;
    }
  });
});
