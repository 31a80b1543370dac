import { and, asc, desc, eq, inArray, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import { checkIn, department, goal, goalComment, goalPeriod, goalSkill, group, keyResult, person, skill } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { preparedSql } from '../../../platform/db/prepared.ts';
import { rows, uuidArray, withDates } from '../../../platform/db/sql.ts';
import { uuidv7 } from 'uuidv7';
import { CHAIN_DEPTH } from '../../org/index.ts';
import type { RollUpNode } from './goals.rules.ts';

export type GoalRow = typeof goal.$inferSelect;
export type KeyResultRow = typeof keyResult.$inferSelect;
export type PeriodRow = typeof goalPeriod.$inferSelect;

/** A goal as lists show it: the row's fields with the owner's and period's names. */
export type GoalView = Omit<GoalRow, 'orgId' | 'assignmentId' | 'createdBy'> & {
  ownerName: string;
  periodName: string | null;
  periodClosed: boolean;
};

const depth = sql.raw(String(CHAIN_DEPTH));

/** The columns of a goal view over `goal g` with its owner and period joined (`viewJoins`). */
const viewColumns = sql`g.id, g.title, g.description, g.owner_type as "ownerType", g.owner_person_id as "ownerPersonId",
  g.owner_department_id as "ownerDepartmentId", g.owner_group_id as "ownerGroupId", g.parent_id as "parentId",
  g.period_id as "periodId", g.visibility, g.status, g.progress, g.weight, g.template_id as "templateId",
  g.last_check_in_at as "lastCheckInAt", g.closed_at as "closedAt", g.created_at as "createdAt", g.updated_at as "updatedAt",
  coalesce(op.first_name || ' ' || op.last_name, od.name, og.name, o.name) as "ownerName",
  gp.name as "periodName", gp.closed_at is not null as "periodClosed"`;

const viewJoins = sql`join organisation o on o.id = g.org_id
  left join ${person} op on op.org_id = g.org_id and op.id = g.owner_person_id
  left join ${department} od on od.org_id = g.org_id and od.id = g.owner_department_id
  left join ${group} og on og.org_id = g.org_id and og.id = g.owner_group_id
  left join ${goalPeriod} gp on gp.org_id = g.org_id and gp.id = g.period_id`;

const dated = ['lastCheckInAt', 'closedAt', 'createdAt', 'updatedAt'] as const;

/** Goals matching `where` (over `goal g`), newest first, at most `limit`. */
export async function viewsWhere(db: DbOrTx, where: SQL, limit: number): Promise<GoalView[]> {
  const r = await db.execute(sql`select ${viewColumns} from ${goal} g ${viewJoins} where ${where} order by g.id desc limit ${limit}`);
  return rows<GoalView>(r).map((x) => withDates(x, dated));
}

export async function findForUpdate(db: DbOrTx, orgId: string, id: string): Promise<GoalRow | undefined> {
  const [row] = await db.select().from(goal).where(and(eq(goal.orgId, orgId), eq(goal.id, id))).for('update').limit(1);
  return row;
}

export async function insertGoal(db: DbOrTx, values: typeof goal.$inferInsert): Promise<GoalRow> {
  const [row] = await db.insert(goal).values(values).returning();
  return row!;
}

export async function updateGoal(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof goal.$inferInsert>, now: Date): Promise<GoalRow> {
  const [row] = await db
    .update(goal)
    .set({ ...patch, updatedAt: now })
    .where(and(eq(goal.orgId, orgId), eq(goal.id, id)))
    .returning();
  return row!;
}

export async function deleteGoal(db: DbOrTx, orgId: string, id: string): Promise<void> {
  await db.delete(goal).where(and(eq(goal.orgId, orgId), eq(goal.id, id)));
}

export async function keyResultsOf(db: DbOrTx, orgId: string, goalIds: string[]): Promise<KeyResultRow[]> {
  if (!goalIds.length) return [];
  return db
    .select()
    .from(keyResult)
    .where(and(eq(keyResult.orgId, orgId), inArray(keyResult.goalId, goalIds)))
    .orderBy(asc(keyResult.position), asc(keyResult.id));
}

export type KeyResultWrite = { id?: string; title: string; kind: KeyResultRow['kind']; unit: string | null; startValue: number; targetValue: number; currentValue: number; weight: number };

/** Makes the goal's key results exactly `list`, in that order: kept ones changed, others removed, new ones added. */
export async function replaceKeyResults(db: DbOrTx, orgId: string, goalId: string, list: KeyResultWrite[], now: Date): Promise<void> {
  const keep = list.flatMap((k) => (k.id ? [k.id] : []));
  await db
    .delete(keyResult)
    .where(and(eq(keyResult.orgId, orgId), eq(keyResult.goalId, goalId), ...(keep.length ? [notInArray(keyResult.id, keep)] : [])));
  for (const [position, k] of list.entries()) {
    const { id, ...v } = k;
    if (id) {
      await db
        .update(keyResult)
        .set({ ...v, position, updatedAt: now })
        .where(and(eq(keyResult.orgId, orgId), eq(keyResult.goalId, goalId), eq(keyResult.id, id)));
    }
  }
  const fresh = list.flatMap((k, position) => (k.id ? [] : [{ ...k, position, orgId, goalId, createdAt: now, updatedAt: now }]));
  if (fresh.length) await db.insert(keyResult).values(fresh);
}

/** Sets key results' current values (id → value) in one statement. */
export async function setKeyResultValues(db: DbOrTx, orgId: string, goalId: string, values: Record<string, number>, now: Date): Promise<void> {
  const entries = Object.entries(values);
  if (!entries.length) return;
  await db.execute(sql`
    update ${keyResult} k set current_value = v.value, updated_at = ${now}
    from (select unnest(${uuidArray(entries.map(([id]) => id))}) as id, unnest(${`{${entries.map(([, v]) => v).join(',')}}`}::float8[]) as value) v
    where k.org_id = ${orgId} and k.goal_id = ${goalId} and k.id = v.id`);
}

export async function skillsOf(db: DbOrTx, orgId: string, goalId: string) {
  return db
    .select({ skillId: goalSkill.skillId, name: skill.name, level: goalSkill.level })
    .from(goalSkill)
    .innerJoin(skill, and(eq(skill.orgId, goalSkill.orgId), eq(skill.id, goalSkill.skillId)))
    .where(and(eq(goalSkill.orgId, orgId), eq(goalSkill.goalId, goalId)))
    .orderBy(asc(skill.name));
}

export async function replaceSkills(db: DbOrTx, orgId: string, goalId: string, list: Array<{ skillId: string; level: number | null }>): Promise<void> {
  await db.delete(goalSkill).where(and(eq(goalSkill.orgId, orgId), eq(goalSkill.goalId, goalId)));
  if (list.length) await db.insert(goalSkill).values(list.map((s) => ({ orgId, goalId, ...s })));
}

/** The goals above one, nearest first (bounded, so bad data with a cycle ends). */
export async function ancestorIds(db: DbOrTx, orgId: string, id: string): Promise<string[]> {
  const r = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select g.id, g.parent_id, 0 from ${goal} g where g.org_id = ${orgId} and g.id = ${id}::uuid
      union all
      select g.id, g.parent_id, up.depth + 1 from ${goal} g join up on g.id = up.parent_id where g.org_id = ${orgId} and up.depth < ${depth}
    ) select id::text as id from up where depth > 0 order by depth`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

/**
 * What a goal's progress rolls up from: its key results and (with none) its children, all of
 * them, and its parent. One statement: a check-in runs it for every goal up the alignment.
 */
export async function rollUpInputs(db: DbOrTx, orgId: string, id: string) {
  const r = await db.execute(sql`
    select g.progress, g.parent_id as "parentId", k.krs,
      case when k.krs is null then (
        select json_agg(json_build_object('progress', c.progress, 'weight', c.weight)) from ${goal} c where c.org_id = g.org_id and c.parent_id = g.id
      ) end as children
    from ${goal} g
    left join lateral (
      select json_agg(json_build_object('kind', k.kind, 'startValue', k.start_value, 'targetValue', k.target_value,
        'currentValue', k.current_value, 'weight', k.weight)) as krs
      from ${keyResult} k where k.org_id = g.org_id and k.goal_id = g.id
    ) k on true
    where g.org_id = ${orgId} and g.id = ${id}::uuid`);
  const [g] = rows<{
    progress: number;
    parentId: string | null;
    krs: Array<Pick<KeyResultRow, 'kind' | 'startValue' | 'targetValue' | 'currentValue' | 'weight'>> | null;
    children: Array<{ progress: number; weight: number }> | null;
  }>(r);
  if (!g) return undefined;
  return { progress: Number(g.progress), parentId: g.parentId, krs: g.krs ?? [], children: g.children ?? [] };
}

export async function setProgress(db: DbOrTx, orgId: string, id: string, progress: number): Promise<void> {
  await db.update(goal).set({ progress }).where(and(eq(goal.orgId, orgId), eq(goal.id, id)));
}

/** Children of each goal the viewer cannot see (`visible` over `goal h`), counted per parent. */
export async function hiddenChildCounts(db: DbOrTx, orgId: string, parentIds: string[], visible: SQL): Promise<Map<string, number>> {
  if (!parentIds.length) return new Map();
  const r = await db.execute(sql`
    select h.parent_id::text as id, count(*)::int as n from ${goal} h
    where h.org_id = ${orgId} and h.parent_id = any(${uuidArray(parentIds)}) and not ${visible}
    group by h.parent_id`);
  return new Map(rows<{ id: string; n: number }>(r).map((x) => [x.id, x.n]));
}

/**
 * The alignment tree below `rootId` (or below every goal without a parent) within the period,
 * walking only through goals the viewer sees (`visible` over `goal c`), breadth first, at most
 * `limit` nodes (at the last level reached, those with the smallest ids), each with how many of its
 * children the viewer cannot see.
 *
 * One statement per level, over `goal_parent_idx`, stopping as soon as `limit` nodes are found: a
 * recursive CTE had to walk every goal the viewer sees before its page could be cut (at 100,000
 * people, 200,000 goals) and scanned the whole table at each level; its cost estimate also made
 * PostgreSQL JIT-compile the statement, about 12 s at 10,000 people.
 */
export async function tree(
  db: DbOrTx,
  orgId: string,
  opts: { rootId?: string; periodId?: string; visibleC: SQL; visibleH: SQL; limit: number },
): Promise<Array<GoalView & { depth: number; hiddenChildren: number }>> {
  const inPeriod = opts.periodId ? sql`and c.period_id = ${opts.periodId}::uuid` : sql``;
  const ids: string[] = [];
  const depths: number[] = [];
  const seen = new Set<string>();
  let level: string[] = [];
  for (let d = 0; d <= CHAIN_DEPTH && ids.length < opts.limit; d++) {
    if (d > 0 && !level.length) break;
    const where =
      d === 0
        ? opts.rootId
          ? sql`c.id = ${opts.rootId}::uuid`
          : sql`c.parent_id is null ${inPeriod}`
        : sql`c.parent_id = any(${uuidArray(level)}) ${inPeriod}`;
    // A goal met again at a deeper level (a cycle in bad data) keeps its first depth.
    const notSeen = seen.size && d > 0 ? sql`and not (c.id = any(${uuidArray([...seen])}))` : sql``;
    // `offset 0` plans the level on its own, through the parent index: with the order and limit
    // in view, PostgreSQL walked the primary key for the few roots of a period among 100,000
    // goals without a parent (350 ms at 300,000 goals).
    const r = await db.execute(sql`
      select id::text as id from (
        select c.id from ${goal} c
        where c.org_id = ${orgId} and ${where} ${notSeen} and ${opts.visibleC}
        offset 0
      ) level order by id limit ${opts.limit - ids.length}`);
    level = rows<{ id: string }>(r).map((x) => x.id);
    for (const id of level) {
      seen.add(id);
      ids.push(id);
      depths.push(d);
    }
  }
  if (!ids.length) return [];
  const r = await db.execute(sql`
    select ${viewColumns}, page.depth, coalesce(hc.n, 0)::int as "hiddenChildren"
    from unnest(${uuidArray(ids)}, ${`{${depths.join(',')}}`}::int[]) as page(id, depth)
    join ${goal} g on g.org_id = ${orgId} and g.id = page.id
    ${viewJoins}
    left join (
      select h.parent_id, count(*) as n from ${goal} h
      where h.org_id = ${orgId} and h.parent_id = any(${uuidArray(ids)}) and not ${opts.visibleH}
      group by h.parent_id
    ) hc on hc.parent_id = g.id
    order by page.depth, g.title, g.id`);
  return rows<GoalView & { depth: number; hiddenChildren: number }>(r).map((x) => withDates(x, dated));
}

// ---- owners ----

export async function activePersonExists(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: person.id }).from(person).where(and(eq(person.orgId, orgId), eq(person.id, id), eq(person.status, 'active')));
  return !!row;
}
export async function departmentExists(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: department.id }).from(department).where(and(eq(department.orgId, orgId), eq(department.id, id)));
  return !!row;
}
export async function groupExists(db: DbOrTx, orgId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ id: group.id }).from(group).where(and(eq(group.orgId, orgId), eq(group.id, id)));
  return !!row;
}

// ---- periods ----

export async function listPeriods(db: DbOrTx, orgId: string): Promise<PeriodRow[]> {
  return db.select().from(goalPeriod).where(eq(goalPeriod.orgId, orgId)).orderBy(asc(goalPeriod.startsOn), asc(goalPeriod.kind), asc(goalPeriod.name));
}

export async function findPeriod(db: DbOrTx, orgId: string, id: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(goalPeriod).where(and(eq(goalPeriod.orgId, orgId), eq(goalPeriod.id, id)));
  return row;
}

export async function hasPeriods(db: DbOrTx, orgId: string): Promise<boolean> {
  const [row] = await db.select({ id: goalPeriod.id }).from(goalPeriod).where(eq(goalPeriod.orgId, orgId)).limit(1);
  return !!row;
}

/** Adds the periods whose names the organisation does not have yet; returns those added. */
export async function insertPeriods(db: DbOrTx, orgId: string, list: Array<Omit<typeof goalPeriod.$inferInsert, 'orgId'>>): Promise<PeriodRow[]> {
  if (!list.length) return [];
  const r = await db.execute(sql`
    insert into ${goalPeriod} (id, org_id, name, kind, starts_on, ends_on)
    select tandem_uuid_v7(), ${orgId}, x.name, x.kind, x.starts_on::date, x.ends_on::date
    from json_to_recordset(${JSON.stringify(list.map((p) => ({ name: p.name, kind: p.kind, starts_on: p.startsOn, ends_on: p.endsOn })))}::json)
      as x(name text, kind text, starts_on text, ends_on text)
    on conflict do nothing
    returning id`);
  const ids = rows<{ id: string }>(r).map((x) => x.id);
  return ids.length ? db.select().from(goalPeriod).where(and(eq(goalPeriod.orgId, orgId), inArray(goalPeriod.id, ids))) : [];
}

/** The open period (quarter before year) that contains the day, if any. */
export async function currentQuarter(db: DbOrTx, orgId: string, today: string): Promise<PeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(goalPeriod)
    .where(and(eq(goalPeriod.orgId, orgId), sql`${goalPeriod.startsOn} <= ${today}::date and ${goalPeriod.endsOn} >= ${today}::date`, isNull(goalPeriod.closedAt)))
    .orderBy(sql`${goalPeriod.kind} = 'year'`, asc(goalPeriod.endsOn))
    .limit(1);
  return row;
}

/** Closes the period; its goals still open end done (at 100 %) or missed. Returns the goals it closed. */
export async function closePeriod(db: DbOrTx, orgId: string, id: string, now: Date): Promise<Array<{ id: string; status: string }>> {
  await db.update(goalPeriod).set({ closedAt: now }).where(and(eq(goalPeriod.orgId, orgId), eq(goalPeriod.id, id)));
  const r = await db.execute(sql`
    update ${goal} set status = case when progress >= 100 then 'done' else 'missed' end, closed_at = ${now}, updated_at = ${now}
    where org_id = ${orgId} and period_id = ${id}::uuid and status in ('on_track', 'at_risk', 'off_track')
    returning id::text as id, status`);
  return rows<{ id: string; status: string }>(r);
}

// ---- comments ----

const commentColumns = {
  id: goalComment.id,
  goalId: goalComment.goalId,
  authorId: goalComment.authorId,
  authorName: sql<string | null>`${person.firstName} || ' ' || ${person.lastName}`,
  body: goalComment.body,
  createdAt: goalComment.createdAt,
};

export async function findComment(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select(commentColumns)
    .from(goalComment)
    .leftJoin(person, and(eq(person.orgId, goalComment.orgId), eq(person.id, goalComment.authorId)))
    .where(and(eq(goalComment.orgId, orgId), eq(goalComment.id, id)));
  return row;
}

export async function listComments(db: DbOrTx, orgId: string, goalId: string, limit: number, afterId?: string) {
  return db
    .select({
      id: goalComment.id,
      goalId: goalComment.goalId,
      authorId: goalComment.authorId,
      authorName: sql<string | null>`${person.firstName} || ' ' || ${person.lastName}`,
      body: goalComment.body,
      createdAt: goalComment.createdAt,
    })
    .from(goalComment)
    .leftJoin(person, and(eq(person.orgId, goalComment.orgId), eq(person.id, goalComment.authorId)))
    .where(and(eq(goalComment.orgId, orgId), eq(goalComment.goalId, goalId), ...(afterId ? [sql`${goalComment.id} > ${afterId}::uuid`] : [])))
    .orderBy(asc(goalComment.id))
    .limit(limit);
}

export async function insertComment(db: DbOrTx, values: typeof goalComment.$inferInsert) {
  const [row] = await db.insert(goalComment).values(values).returning();
  return row!;
}

// ---- check-ins ----

export type CheckInRow = typeof checkIn.$inferSelect;

const checkInColumns = {
  id: checkIn.id,
  goalId: checkIn.goalId,
  authorId: checkIn.authorId,
  authorName: sql<string | null>`${person.firstName} || ' ' || ${person.lastName}`,
  confidence: checkIn.confidence,
  status: checkIn.status,
  progress: checkIn.progress,
  note: checkIn.note,
  blockers: checkIn.blockers,
  values: checkIn.values,
  correctedAt: checkIn.correctedAt,
  createdAt: checkIn.createdAt,
};
export type CheckInView = Omit<CheckInRow, 'orgId' | 'correctedBy'> & { authorName: string | null };

/** A goal's check-ins, oldest first (the history chart's order). */
export async function listCheckIns(db: DbOrTx, orgId: string, goalId: string, limit: number, after?: { createdAt: string; id: string }): Promise<CheckInView[]> {
  return db
    .select(checkInColumns)
    .from(checkIn)
    .leftJoin(person, and(eq(person.orgId, checkIn.orgId), eq(person.id, checkIn.authorId)))
    .where(
      and(
        eq(checkIn.orgId, orgId),
        eq(checkIn.goalId, goalId),
        ...(after ? [sql`(${checkIn.createdAt}, ${checkIn.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`] : []),
      ),
    )
    .orderBy(asc(checkIn.createdAt), asc(checkIn.id))
    .limit(limit);
}

export async function findCheckInView(db: DbOrTx, orgId: string, id: string): Promise<CheckInView | undefined> {
  const [row] = await db
    .select(checkInColumns)
    .from(checkIn)
    .leftJoin(person, and(eq(person.orgId, checkIn.orgId), eq(person.id, checkIn.authorId)))
    .where(and(eq(checkIn.orgId, orgId), eq(checkIn.id, id)));
  return row;
}

export async function findCheckInForUpdate(db: DbOrTx, orgId: string, id: string): Promise<CheckInRow | undefined> {
  const [row] = await db.select().from(checkIn).where(and(eq(checkIn.orgId, orgId), eq(checkIn.id, id))).for('update');
  return row;
}

/** The goal's newest check-in id. */
export async function latestCheckInId(db: DbOrTx, orgId: string, goalId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: checkIn.id })
    .from(checkIn)
    .where(and(eq(checkIn.orgId, orgId), eq(checkIn.goalId, goalId)))
    .orderBy(desc(checkIn.createdAt), desc(checkIn.id))
    .limit(1);
  return row?.id;
}

export async function insertCheckIn(db: DbOrTx, values: typeof checkIn.$inferInsert): Promise<CheckInRow> {
  const [row] = await db.insert(checkIn).values(values).returning();
  return row!;
}

export async function updateCheckIn(db: DbOrTx, orgId: string, id: string, patch: Partial<typeof checkIn.$inferInsert>): Promise<CheckInRow> {
  const [row] = await db.update(checkIn).set(patch).where(and(eq(checkIn.orgId, orgId), eq(checkIn.id, id))).returning();
  return row!;
}

// ---- a check-in in few statements (the hot write) ----

/** A key result as a check-in needs it. */
export type CheckInKeyResult = Pick<KeyResultRow, 'id' | 'title' | 'kind' | 'startValue' | 'targetValue' | 'currentValue' | 'weight'>;
type RollUpPart = { id: string; progress: number; weight: number };

/** What a check-in reads of its goal, in one statement (the goal locked). */
export type CheckInTarget = {
  goal: Pick<GoalRow, 'id' | 'title' | 'ownerType' | 'ownerPersonId' | 'ownerDepartmentId' | 'ownerGroupId' | 'parentId' | 'periodId' | 'status' | 'progress' | 'closedAt'>;
  visible: boolean;
  periodName: string | null;
  periodClosed: boolean;
  keyResults: CheckInKeyResult[];
  /** With no key results: the children the progress rolls up from, all of them. */
  children: RollUpPart[];
};

const krJson = sql`json_build_object('id', k.id, 'title', k.title, 'kind', k.kind, 'startValue', k.start_value,
  'targetValue', k.target_value, 'currentValue', k.current_value, 'weight', k.weight)`;

/**
 * The goal a check-in is on, locked, with whether the viewer sees it (`visible` over `goal g`), its
 * period, its key results and (with none) its children's progress: one statement where a check-in
 * read five (goal, visibility, period, key results, roll-up inputs).
 */
export async function checkInTarget(db: DbOrTx, orgId: string, goalId: string, visible: SQL): Promise<CheckInTarget | undefined> {
  const r = await db.execute(sql`
    select g.id, g.title, g.owner_type as "ownerType", g.owner_person_id as "ownerPersonId", g.owner_department_id as "ownerDepartmentId",
      g.owner_group_id as "ownerGroupId", g.parent_id as "parentId", g.period_id as "periodId", g.status, g.progress, g.closed_at as "closedAt",
      ${visible} as visible, gp.name as "periodName", gp.closed_at is not null as "periodClosed",
      kr.list as "keyResults",
      case when kr.list is null then (
        select json_agg(json_build_object('id', c.id, 'progress', c.progress, 'weight', c.weight)) from ${goal} c where c.org_id = g.org_id and c.parent_id = g.id
      ) end as children
    from ${goal} g
    left join ${goalPeriod} gp on gp.org_id = g.org_id and gp.id = g.period_id
    left join lateral (
      select json_agg(${krJson} order by k.position, k.id) as list from ${keyResult} k where k.org_id = g.org_id and k.goal_id = g.id
    ) kr on true
    where g.org_id = ${orgId} and g.id = ${goalId}::uuid
    for update of g`);
  const [x] = rows<CheckInTarget['goal'] & { visible: boolean; periodName: string | null; periodClosed: boolean; keyResults: CheckInKeyResult[] | null; children: RollUpPart[] | null }>(r);
  if (!x) return undefined;
  const { visible: v, periodName, periodClosed, keyResults, children, ...g } = x;
  return {
    goal: { ...g, progress: Number(g.progress), closedAt: g.closedAt ? new Date(g.closedAt) : null },
    visible: Boolean(v),
    periodName,
    periodClosed: Boolean(periodClosed),
    keyResults: keyResults ?? [],
    children: children ?? [],
  };
}

type CheckInWriteArgs = {
  orgId: string; goalId: string; krIds: string; krValues: string; progress: number; status: string; closedAt: Date | null;
  now: Date; id: string; authorId: string | null; confidence: number; note: string | null; blockers: string | null; values: string;
};
const P = Object.fromEntries(
  (['orgId', 'goalId', 'krIds', 'krValues', 'progress', 'status', 'closedAt', 'now', 'id', 'authorId', 'confidence', 'note', 'blockers', 'values'] as const).map(
    (k) => [k, sql.placeholder(k)],
  ),
) as Record<keyof CheckInWriteArgs, ReturnType<typeof sql.placeholder>>;

type CheckInWritten = {
  checkIn: Omit<CheckInView, 'createdAt' | 'correctedAt'> & { createdAt: string; correctedAt: string | null };
  progress: number;
};

/** The check-in write as a named prepared statement: every check-in runs it, and it is planned once per connection. */
const writeCheckInSql = preparedSql<CheckInWritten, CheckInWriteArgs>(
  'goal_check_in_write',
  sql`
    with kr as (
      update ${keyResult} k set current_value = v.value, updated_at = ${P.now}::timestamptz
      from (select unnest(${P.krIds}::text::uuid[]) as id, unnest(${P.krValues}::text::float8[]) as value) v
      where k.org_id = ${P.orgId}::uuid and k.goal_id = ${P.goalId}::uuid and k.id = v.id
      returning k.id
    ), g as (
      update ${goal} set progress = ${P.progress}::real, status = ${P.status}::text, last_check_in_at = ${P.now}::timestamptz, closed_at = ${P.closedAt}::timestamptz,
        updated_at = ${P.now}::timestamptz
      where org_id = ${P.orgId}::uuid and id = ${P.goalId}::uuid
      returning progress, status
    ), ci as (
      insert into ${checkIn} (id, org_id, goal_id, author_id, confidence, status, progress, note, blockers, "values", created_at)
      select ${P.id}::uuid, ${P.orgId}::uuid, ${P.goalId}::uuid, ${P.authorId}::uuid, ${P.confidence}::smallint, g.status, g.progress,
        ${P.note}::text, ${P.blockers}::text, ${P.values}::text::jsonb, ${P.now}::timestamptz
      from g
      returning *
    )
    select json_build_object('id', ci.id, 'goalId', ci.goal_id, 'authorId', ci.author_id,
        'authorName', (select p.first_name || ' ' || p.last_name from ${person} p where p.org_id = ci.org_id and p.id = ci.author_id),
        'confidence', ci.confidence, 'status', ci.status, 'progress', ci.progress, 'note', ci.note, 'blockers', ci.blockers, 'values', ci."values",
        'correctedAt', ci.corrected_at, 'createdAt', ci.created_at) as "checkIn",
      ci.progress
    from ci`,
);

/**
 * A check-in written in ONE statement: the key results' values, the goal (progress, status, last
 * check-in), the check-in row, returned as the check-in view. The goals above are not touched
 * here: `lockGoalsAbove` and `rollUpNodes` roll the progress up after the commit.
 */
export async function writeCheckIn(
  db: DbOrTx,
  w: {
    orgId: string;
    goalId: string;
    values: Record<string, number>;
    goal: { progress: number; status: GoalRow['status']; closedAt: Date | null };
    checkIn: Pick<typeof checkIn.$inferInsert, 'authorId' | 'confidence' | 'note' | 'blockers' | 'values'>;
    now: Date;
  },
): Promise<{ checkIn: CheckInView; progress: number }> {
  const entries = Object.entries(w.values);
  const id = uuidv7();
  const r = await writeCheckInSql(db, {
    orgId: w.orgId,
    goalId: w.goalId,
    krIds: `{${entries.map(([k]) => k).join(',')}}`,
    krValues: `{${entries.map(([, v]) => v).join(',')}}`,
    progress: w.goal.progress,
    status: w.goal.status,
    closedAt: w.goal.closedAt,
    now: w.now,
    id,
    authorId: w.checkIn.authorId ?? null,
    confidence: w.checkIn.confidence,
    note: w.checkIn.note ?? null,
    blockers: w.checkIn.blockers ?? null,
    values: JSON.stringify(w.checkIn.values ?? {}),
  });
  const [x] = r;
  const c = x!.checkIn;
  return {
    checkIn: { ...c, createdAt: new Date(c.createdAt), correctedAt: c.correctedAt ? new Date(c.correctedAt) : null },
    progress: Number(x!.progress),
  };
}

// ---- rolling a change up the alignment (after the check-in's commit) ----

/**
 * The goals above `goalId` (at most `depth`), locked nearest first: every roll-up locks a chain
 * in the same order (deepest first), so two roll-ups through a shared goal queue on it instead of
 * deadlocking. With ORDER BY and FOR UPDATE, PostgreSQL sorts first and then locks the rows in
 * that order.
 */
export async function lockGoalsAbove(db: DbOrTx, orgId: string, goalId: string, depth: number): Promise<string[]> {
  const r = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select g.id, g.parent_id, 0 from ${goal} g where g.org_id = ${orgId} and g.id = ${goalId}::uuid
      union all
      select a.id, a.parent_id, up.depth + 1 from ${goal} a join up on a.id = up.parent_id where a.org_id = ${orgId} and up.depth < ${depth}::int
    )
    select a.id::text as id from up join ${goal} a on a.org_id = ${orgId} and a.id = up.id
    where up.depth > 0
    order by up.depth
    for update of a`);
  return rows<{ id: string }>(r).map((x) => x.id);
}

/**
 * What each goal rolls up from, read after `lockGoalsAbove` (a statement of its own, so it sees
 * what the roll-ups it waited for committed): its progress, its key results and, with none, all
 * its children. In the order of `ids`.
 */
export async function rollUpNodes(db: DbOrTx, orgId: string, ids: string[]): Promise<RollUpNode[]> {
  if (!ids.length) return [];
  const r = await db.execute(sql`
    select a.id::text as id, a.progress, kl.list as "keyResults",
      case when kl.list is null then (
        select json_agg(json_build_object('id', c.id, 'progress', c.progress, 'weight', c.weight)) from ${goal} c where c.org_id = a.org_id and c.parent_id = a.id
      ) end as children
    from unnest(${uuidArray(ids)}) with ordinality as chain(id, n)
    join ${goal} a on a.org_id = ${orgId} and a.id = chain.id
    left join lateral (
      select json_agg(json_build_object('kind', k.kind, 'startValue', k.start_value, 'targetValue', k.target_value,
        'currentValue', k.current_value, 'weight', k.weight)) as list
      from ${keyResult} k where k.org_id = a.org_id and k.goal_id = a.id
    ) kl on true
    order by chain.n`);
  return rows<{ id: string; progress: number; keyResults: RollUpNode['keyResults'] | null; children: RollUpPart[] | null }>(r).map((a) => ({
    id: a.id,
    progress: Number(a.progress),
    keyResults: a.keyResults ?? [],
    children: (a.children ?? []).map((c) => ({ ...c, progress: Number(c.progress), weight: Number(c.weight) })),
  }));
}

/** Several goals' progress in one statement (the goals above a check-in). */
export async function setProgresses(db: DbOrTx, orgId: string, list: Array<{ id: string; progress: number }>): Promise<void> {
  if (!list.length) return;
  await db.execute(sql`
    update ${goal} g set progress = v.progress
    from (select unnest(${uuidArray(list.map((x) => x.id))}) as id, unnest(${`{${list.map((x) => x.progress).join(',')}}`}::float8[]) as progress) v
    where g.org_id = ${orgId} and g.id = v.id`);
}
