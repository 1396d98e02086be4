import { isRole } from './roles';

describe('isRole', () => {
  it('accepts the three staff roles and nothing else', () => {
    expect(isRole('admin')).toBe(true);
    expect(isRole('quality_manager')).toBe(true);
    expect(isRole('front_desk')).toBe(true);
    expect(isRole('patient')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
