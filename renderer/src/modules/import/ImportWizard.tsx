import { App as AntApp, Button, Card, Space, Spin, Steps, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, fileToPath, onEvent } from '../../api';
import { errorMessage } from '../../shell/errors';
import { DoneStep } from './DoneStep';
import { DryRunStep } from './DryRunStep';
import { FileStep } from './FileStep';
import { MappingStep, type ColumnChoice } from './MappingStep';
import { SheetStep } from './SheetStep';
import type { CommitResult, Encoding, FileInfo, Kind, MappingInfo, Policy, Preview, Summary } from './types';
import { ValidateStep } from './ValidateStep';

/**
 * 导入 wizard: file → sheet and header → columns → check and fix → dry run → done. The backend keeps
 * the parsed rows in an import session between steps; nothing reaches the database before step 5.
 */
export function ImportWizard() {
  const { t } = useTranslation('import');
  const { message } = AntApp.useApp();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<Kind>('accounts');
  const [busy, setBusy] = useState(false);
  const [canPick, setCanPick] = useState(false);
  const [file, setFile] = useState<FileInfo | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [info, setInfo] = useState<MappingInfo | null>(null);
  const [mapping, setMapping] = useState<ColumnChoice[]>([]);
  const [unmapped, setUnmapped] = useState<'ignore' | 'notes'>('ignore');
  const [sender, setSender] = useState('');
  const [policy, setPolicy] = useState<Policy>('skip');
  const [assignOwners, setAssignOwners] = useState(false);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [version, setVersion] = useState(0);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [saveTemplate, setSaveTemplate] = useState(true);
  const [templateName, setTemplateName] = useState('');
  const [result, setResult] = useState<CommitResult | null>(null);
  const task = useRef<string | null>(null);
  const session = file?.sessionId ?? null;

  useEffect(() => {
    void api.call('system.status', {}).then((s) => setCanPick(s.canPickFiles));
  }, []);
  // Leaving the page closes the session (and removes its staging file).
  const sessionRef = useRef<string | null>(null);
  sessionRef.current = session;
  useEffect(() => () => void (sessionRef.current && api.call('imports.close', { sessionId: sessionRef.current }).catch(() => {})), []);

  const fail = useCallback((e: unknown) => void message.error({ content: errorMessage(e), duration: 8 }), [message]);

  const open = async (path: string, fileName: string) => {
    setBusy(true);
    try {
      if (session) await api.call('imports.close', { sessionId: session }).catch(() => {});
      const f = await api.call('imports.open', { path, fileName });
      setFile(f);
      setEncoding('auto');
      setPreview(await api.call('imports.preview', { sessionId: f.sessionId, kind }));
      setSummary(null);
      setInfo(null);
      setStep(1);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const onFile = async (f: File) => {
    setBusy(true);
    try {
      const path = await fileToPath(f);
      await open(path, f.name);
    } catch (e) {
      fail(e);
      setBusy(false);
    }
  };
  const onPick = async () => {
    const r = await api.call('files.pickOpen', { filters: [{ name: t('file'), extensions: ['xlsx', 'xlsm', 'xls', 'csv', 'tsv', 'txt', 'et', 'ods'] }] }).catch((e: unknown) => (fail(e), null));
    if (r?.path) await open(r.path, r.path.split(/[\\/]/).pop() ?? r.path);
  };

  const repreview = async (change: { sheet?: string; headerRow?: number; headerRows?: 1 | 2; encoding?: Encoding }) => {
    if (!session || !preview) return;
    setBusy(true);
    try {
      if (change.encoding) setEncoding(change.encoding);
      const p = await api.call('imports.preview', {
        sessionId: session,
        kind,
        sheet: change.sheet ?? preview.sheet,
        ...(change.sheet === undefined && change.encoding === undefined ? { headerRow: change.headerRow ?? preview.headerRow, headerRows: change.headerRows ?? preview.headerRows } : {}),
        ...(change.encoding ? { encoding: change.encoding } : {}),
      });
      setPreview(p);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const toMapping = async () => {
    if (!session) return;
    setBusy(true);
    try {
      const m = await api.call('imports.mapping', { sessionId: session, kind, sender: sender || null });
      setInfo(m);
      setMapping(m.mapping.map((x) => ({ column: x.column, field: x.field })));
      setStep(2);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const validate = async (override?: { policy?: Policy; assignOwners?: boolean }) => {
    if (!session) return;
    const taskId = `import-${Date.now()}`;
    task.current = taskId;
    const stop = onEvent('task.progress', (p) => p.taskId === taskId && setProgress({ done: p.done, total: p.total }));
    setProgress({ done: 0, total: null });
    setStep(3);
    try {
      const s = await api.call('imports.validate', { sessionId: session, kind, mapping, onDuplicate: override?.policy ?? policy, unmapped, assignOwners: override?.assignOwners ?? assignOwners, sender: sender || null, taskId });
      setSummary(s);
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    } finally {
      stop();
      setProgress(null);
      task.current = null;
    }
  };

  const commit = async () => {
    if (!session) return;
    setBusy(true);
    try {
      const r = await api.call('imports.commit', { sessionId: session, skipInvalid, saveTemplate, ...(templateName ? { templateName } : {}) });
      setResult(r);
      setStep(5);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    if (session) void api.call('imports.close', { sessionId: session }).catch(() => {});
    setFile(null);
    setPreview(null);
    setInfo(null);
    setSummary(null);
    setResult(null);
    setSkipInvalid(false);
    setTemplateName('');
    setStep(0);
  };

  const missing = info ? info.requiredAnyOf.filter((g) => !g.some((k) => mapping.some((m) => m.field === k))) : [];
  const stepKeys = ['file', 'sheet', 'mapping', 'validate', 'dryRun', 'done'] as const;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps data-testid="import-steps" current={step} size="small" items={stepKeys.map((k) => ({ title: t(`steps.${k}`) }))} />
      <Card size="small">
        <Spin spinning={busy && step > 0}>
          {step === 0 ? <FileStep kind={kind} onKind={setKind} busy={busy} canPick={canPick} onFile={(f) => void onFile(f)} onPick={() => void onPick()} /> : null}
          {step === 1 && file && preview ? <SheetStep file={file} preview={preview} encoding={encoding} onChange={(c) => void repreview(c)} /> : null}
          {step === 2 && preview && info ? (
            <MappingStep preview={preview} info={info} mapping={mapping} onMapping={setMapping} unmapped={unmapped} onUnmapped={setUnmapped} sender={sender} onSender={setSender} />
          ) : null}
          {step === 3 && session && preview ? (
            <ValidateStep
              sessionId={session}
              kind={kind}
              preview={preview}
              summary={summary}
              progress={progress}
              version={version}
              policy={policy}
              onPolicy={(p) => {
                setPolicy(p);
                void validate({ policy: p });
              }}
              assignOwners={assignOwners}
              onAssignOwners={(v) => {
                setAssignOwners(v);
                void validate({ assignOwners: v });
              }}
              onCancel={() => task.current && void api.call('imports.cancel', { taskId: task.current })}
              onSummary={setSummary}
            />
          ) : null}
          {step === 4 && session && summary ? (
            <DryRunStep
              sessionId={session}
              summary={summary}
              skipInvalid={skipInvalid}
              onSkipInvalid={setSkipInvalid}
              saveTemplate={saveTemplate}
              onSaveTemplate={setSaveTemplate}
              templateName={templateName}
              onTemplateName={setTemplateName}
              nameColumn={mapping.find((m) => m.field === 'name')?.column ?? 0}
            />
          ) : null}
          {step === 5 && result ? <DoneStep result={result} onAnother={restart} /> : null}
        </Spin>
      </Card>
      {step > 0 && step < 5 ? (
        <Space>
          <Button onClick={restart}>{t('restart')}</Button>
          <Button disabled={step <= 1 || busy || progress !== null} onClick={() => setStep(step - 1)} data-testid="import-back">
            {t('back')}
          </Button>
          {step === 1 ? (
            <Button type="primary" loading={busy} onClick={() => void toMapping()} data-testid="import-next">
              {t('next')}
            </Button>
          ) : null}
          {step === 2 ? (
            <Button type="primary" disabled={missing.length > 0} onClick={() => void validate()} data-testid="import-next">
              {t('validate')}
            </Button>
          ) : null}
          {step === 3 ? (
            <Button type="primary" disabled={!summary || progress !== null} onClick={() => setStep(4)} data-testid="import-next">
              {t('next')}
            </Button>
          ) : null}
          {step === 4 && summary ? (
            <>
              <Button type="primary" loading={busy} disabled={summary.errorRows > 0 && !skipInvalid} onClick={() => void commit()} data-testid="import-commit">
                {t('commit')}
              </Button>
              {busy ? <Typography.Text type="secondary">{t('committing')}</Typography.Text> : null}
            </>
          ) : null}
        </Space>
      ) : null}
    </Space>
  );
}
