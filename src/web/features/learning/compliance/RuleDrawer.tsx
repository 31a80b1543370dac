import { Drawer, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api.ts';
import { drawerTitle, ErrorAlert, FormActions } from '../../../ui/common.tsx';
import { complianceApi, complianceKeys, complianceQueries, type AudienceType, type ComplianceRule, type RuleBody } from './api.ts';


/** Published courses or programs to require; the list endpoints belong to authoring and programs. */
const useTargets = (kind: 'course' | 'program', enabled: boolean) => useQuery({ ...complianceQueries.targets(kind), enabled });

const useAudienceOptions = (type: AudienceType) => useQuery(complianceQueries.audience(type));

const num = (v: string | number) => (typeof v === 'number' ? v : v === '' ? undefined : Number(v));

export function RuleDrawer({ rule, onClose }: { rule: ComplianceRule | null; onClose: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(rule?.name ?? '');
  const [kind, setKind] = useState<'course' | 'program'>(rule?.programId ? 'program' : 'course');
  const [targetId, setTargetId] = useState<string | null>(rule?.courseId ?? rule?.programId ?? null);
  const [audienceType, setAudienceType] = useState<AudienceType>(rule?.audience.type ?? 'everyone');
  const [audienceId, setAudienceId] = useState<string | null>(rule?.audience.id ?? null);
  const [validForMonths, setValidForMonths] = useState<number | undefined>(rule?.validForMonths ?? 12);
  const [reenrollDaysBefore, setReenroll] = useState<number | undefined>(rule?.reenrollDaysBefore ?? 30);
  const [dueDays, setDueDays] = useState<number | undefined>(rule?.dueDays ?? 30);
  const [escalate, setEscalate] = useState<number | undefined>(rule?.escalateAfterDays ?? undefined);
  const [active, setActive] = useState(rule?.active ?? true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const targets = useTargets(kind, !rule);
  const audiences = useAudienceOptions(audienceType);

  const save = useMutation({
    mutationFn: () => {
      const audience: RuleBody['audience'] =
        audienceType === 'everyone'
          ? { type: 'everyone' }
          : audienceType === 'group'
            ? { type: 'group', groupId: audienceId ?? '' }
            : { type: 'department', departmentId: audienceId ?? '' };
      // An empty number goes as it is: the server names the field.
      const body = { name: name.trim(), audience, validForMonths: validForMonths as number, reenrollDaysBefore, dueDays, escalateAfterDays: escalate ?? null, active };
      if (rule) return complianceApi.update(rule.id, body);
      const target = kind === 'course' ? { courseId: targetId ?? undefined } : { programId: targetId ?? undefined };
      return complianceApi.create({ ...body, ...target });
    },
    onSuccess: (saved) => {
      const enrolled = saved.enrolled ? ` ${saved.enrolled} ${saved.enrolled === 1 ? 'person was' : 'people were'} enrolled.` : '';
      notifications.show({ color: 'green', message: `${rule ? 'Rule saved.' : 'Rule created.'}${enrolled}` });
      void qc.invalidateQueries({ queryKey: complianceKeys.all });
      onClose();
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });

  const audienceError = errors['audience.groupId'] ?? errors['audience.departmentId'] ?? errors.audience;
  const otherErrors = save.error && !Object.keys(fieldErrors(save.error)).length;
  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={rule ? rule.name : 'New compliance rule'} styles={drawerTitle} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {otherErrors && <ErrorAlert error={save.error} />}
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          {rule ? (
            <Text size="sm">
              Requires the {rule.programId ? 'program' : 'course'} <strong>{rule.targetTitle}</strong>. To require something else, create a new rule.
            </Text>
          ) : (
            <>
              <SegmentedControl
                aria-label="Require a course or a program"
                value={kind}
                onChange={(v) => {
                  setKind(v as 'course' | 'program');
                  setTargetId(null);
                }}
                data={[
                  { value: 'course', label: 'Course' },
                  { value: 'program', label: 'Program' },
                ]}
              />
              <Select
                label={kind === 'course' ? 'Course' : 'Program'}
                description="Only published ones can be required."
                required
                searchable
                placeholder={targets.isLoading ? 'Loading…' : 'Choose'}
                data={(targets.data ?? []).map((o) => ({ value: o.id, label: o.label }))}
                value={targetId}
                onChange={setTargetId}
                nothingFoundMessage={targets.isError ? 'Could not load the list' : 'Nothing published yet'}
                error={errors.courseId ?? errors.programId}
              />
            </>
          )}
          <Select
            label="Who must complete it"
            data={[
              { value: 'everyone', label: 'Everyone' },
              { value: 'group', label: 'A group' },
              { value: 'department', label: 'A department (and its sub-departments)' },
            ]}
            value={audienceType}
            onChange={(v) => {
              setAudienceType((v as AudienceType) ?? 'everyone');
              setAudienceId(null);
            }}
            allowDeselect={false}
          />
          {audienceType !== 'everyone' && (
            <Select
              label={audienceType === 'group' ? 'Group' : 'Department'}
              required
              searchable
              placeholder={audiences.isLoading ? 'Loading…' : 'Choose'}
              data={(audiences.data ?? []).map((o) => ({ value: o.id, label: o.label }))}
              value={audienceId}
              onChange={setAudienceId}
              nothingFoundMessage={audiences.isError ? 'Could not load the list' : 'None found'}
              error={audienceError}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput label="Valid for (months)" min={1} max={120} required value={validForMonths} onChange={(v) => setValidForMonths(num(v))} error={errors.validForMonths} />
            <NumberInput
              label="Re-enrol (days before expiry)"
              min={0}
              max={365}
              value={reenrollDaysBefore}
              onChange={(v) => setReenroll(num(v))}
              error={errors.reenrollDaysBefore}
            />
            <NumberInput label="Due (days after enrolment)" min={1} max={365} value={dueDays} onChange={(v) => setDueDays(num(v))} error={errors.dueDays} />
            <NumberInput
              label="Tell the manager (days overdue)"
              description="Leave empty for never"
              min={0}
              max={365}
              value={escalate ?? ''}
              onChange={(v) => setEscalate(num(v))}
              error={errors.escalateAfterDays}
            />
          </SimpleGrid>
          <Switch
            label="Active"
            description="An active rule enrols everyone who needs it now, and keeps renewing completions before they expire."
            checked={active}
            onChange={(e) => setActive(e.currentTarget.checked)}
          />
          <FormActions onCancel={onClose} label={rule ? 'Save' : 'Create rule'} loading={save.isPending} />
        </Stack>
      </form>
    </Drawer>
  );
}
