import { describe, expect, it } from 'vitest';
import { canReadLearningOf } from '../../src/server/modules/learning/index.ts';
import { createTestApp } from '../support/app.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { actorOf } from '../support/one-on-ones.ts';


// Callers that look a record up first (enrolments, certificates, follow-ups) lean on this answer.
describe('who may read a person’s learning', () => {
  it('an admin role reaches its own organisation only', async () => {
    const t = await createTestApp();
    const [home, other] = [await createOrg(t), await createOrg(t)];
    const learner = await createUser(t, home.id);
    const colleague = await createUser(t, home.id);
    const stranger = await createUser(t, other.id);
    for (const role of ['learning_admin', 'hr_admin'] as const) {
      expect(await canReadLearningOf(t.ctx.db, actorOf(colleague, [role]), learner.person.id)).toBe(true);
      expect(await canReadLearningOf(t.ctx.db, actorOf(stranger, [role]), learner.person.id)).toBe(false);
    }
    expect(await canReadLearningOf(t.ctx.db, actorOf(colleague, []), learner.person.id)).toBe(false);
    expect(await canReadLearningOf(t.ctx.db, actorOf(learner, []), learner.person.id)).toBe(true);
  });
});
