import { CALLBACK_KINDS, workableCallbackKinds } from './callbacks';

describe('workableCallbackKinds', () => {
  it('gives quality managers service recovery only, front desk and admins every kind', () => {
    expect(workableCallbackKinds('quality_manager')).toEqual(['service_recovery']);
    expect(workableCallbackKinds('front_desk')).toEqual(CALLBACK_KINDS);
    expect(workableCallbackKinds('admin')).toEqual(CALLBACK_KINDS);
  });
});
