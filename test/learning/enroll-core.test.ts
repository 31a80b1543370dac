import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrollment } from '../../src/server/db/schema/index.ts';
import { createTestApp } from '../support/app.ts';
import { createOrg, createPerson } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

describe('enrolment core', () => {
  it('enrols each person once, however often it is asked, with time-ordered ids', async () => {
    const t = await createTestApp();
    const org = await createOrg(t);
    const a = await createPerson(t, org.id);
    const b = await createPerson(t, org.id);
    const inactive = await createPerson(t, org.id, { status: 'inactive' });
    const { course } = await createPublishedCourse(t, org.id);

    const first = await enrollPeople(t, org.id, { courseId: course.id }, [a.id, b.id, inactive.id]);
    expect(first.map((e) => e.personId).sort()).toEqual([a.id, b.id].sort());
    const again = await enrollPeople(t, org.id, { courseId: course.id }, [a.id, b.id]);
    expect(again).toEqual([]);

    const rows = await t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, org.id), eq(enrollment.courseId, course.id)));
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.id[14]).toBe('7'); // UUID version 7
  });
});
