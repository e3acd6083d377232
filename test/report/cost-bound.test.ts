import { costBoundSentence, hostGap } from '../../src/report/model/build';
import { Plan } from '../../src/plan/types';

/** Only the fields costBoundSentence reads; the rest of a plan does not matter here. */
function planWith(solver: Partial<Plan['solver']>): Plan {
  return { solver: { algorithm: 'x', seconds: 0, lowerBound: 13, lowerBoundMethod: 'continuous', gap: 0.3, provenOptimal: false, iterations: 1, ...solver }, summary: { currency: 'EUR' } } as unknown as Plan;
}

describe('cost gap sentence', () => {
  it('states the cost gap and bound when the plan minimises cost', () => {
    const text = costBoundSentence(planWith({ objective: 'cost', costLowerBound: 533418, costGap: 0.0624 }));
    expect(text).toBe(
      " The plan minimises cost, the hosts' hardware and licences (N+K spares included): gap 6.2% to the cost lower bound (EUR 533,418); the host-count bound assumes the largest model throughout.",
    );
  });
  it('says "proven optimal" only when the gap on the figure shown is 0, whatever the solver claims', () => {
    expect(costBoundSentence(planWith({ objective: 'cost', costLowerBound: 533418, costGap: 0.25, provenOptimal: true }))).not.toMatch(/proven optimal/);
    expect(costBoundSentence(planWith({ objective: 'cost', costLowerBound: 533418, costGap: 0 }))).toMatch(/gap 0\.0% to the cost lower bound \(EUR 533,418\): proven optimal/);
    const p = { ...planWith({ provenOptimal: true }), summary: { currency: 'EUR', gap: 0.25, lowerBound: 8 } } as unknown as Plan;
    expect(hostGap(p)).toBe('gap 25.0% to the host-count lower bound (8 hosts)');
    expect(hostGap({ ...p, summary: { ...p.summary, gap: 0 } })).toBe('gap 0.0% to the host-count lower bound (8 hosts): proven optimal');
  });
  it('says nothing when the objective is the host count or no cost bound exists', () => {
    expect(costBoundSentence(planWith({ objective: 'hosts', costLowerBound: 1000, costGap: 0 }))).toBe('');
    expect(costBoundSentence(planWith({ objective: 'cost' }))).toBe('');
  });
});
