import { PolicySchema } from '../../src/config/schema';
import { configFromPlanEcho } from '../../src/verify/echo';
import { plan } from './fixture';

describe("verify without --config reads the plan's echoed policy with the config schema", () => {
  it('keeps every policy key the schema knows, so none is forgotten (existingHosts was missing from a hand-kept list)', () => {
    const p = plan([]);
    p.policy = {
      ...p.policy,
      existingHosts: { powerIdleW: 210, powerMaxW: 600, rackUnits: 1 },
      haReservePct: 25,
      headroom: 0.3,
      // derived values the plan echoes beside the policy are dropped, not refused
      defaultsApplied: ['percentile'],
    };
    const { config, problems, notes } = configFromPlanEcho(p);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(config.policy.existingHosts).toEqual({ powerIdleW: 210, powerMaxW: 600, rackUnits: 1 });
    expect(config.policy.haReservePct).toBe(25);
    expect(config.policy.headroom).toBe(0.3);
    expect(Object.keys(PolicySchema.shape)).toContain('existingHosts');
  });

  it('keeps host-model keys and leaves out the existing hosts echoed as models', () => {
    const p = plan([]);
    p.hostModels = [
      { id: 'r760', sockets: 2, coresPerSocket: 32, cpuGhz: 2.4, memoryGib: 1024, cost: 30000, rackUnits: 2 },
      { id: 'existing-esx01', sockets: 2, coresPerSocket: 10, cpuGhz: 2.2, memoryGib: 256 },
    ] as typeof p.hostModels;
    const { config } = configFromPlanEcho(p);
    expect(config.hostModels.map((m) => m.id)).toEqual(['r760']);
    expect(config.hostModels[0].rackUnits).toBe(2);
  });

  it('falls back to the default policy, with a note and the errors, when the echo is not a valid config', () => {
    const p = plan([]);
    p.policy = { ...p.policy, headroom: -5 };
    const { notes, problems } = configFromPlanEcho(p);
    expect(notes[0]).toMatch(/default policy used/);
    expect(problems.length).toBeGreaterThan(0);
  });
});
