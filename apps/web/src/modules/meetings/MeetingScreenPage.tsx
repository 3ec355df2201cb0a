import { Spin } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMeeting } from './api';
import './screen.css';

/** The hall's wall screen (大屏): quorum live and each item's result in large type, refreshed every few seconds. */
export function MeetingScreenPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: m } = useMeeting(id, true);
  if (!m) return <Spin />;
  return (
    <main className="meeting-screen">
      <h1>{m.title}</h1>
      <p className="meeting-screen-sub">
        {m.stateLabel} · {m.place}
      </p>
      <section aria-label={t('meetings.screen.quorum')} className={m.quorum.reached ? 'quorum ok' : 'quorum short'}>
        <div className="quorum-figures">
          <span>
            {t('meetings.fields.members')} {m.quorum.members}
          </span>
          <span>
            {t('meetings.fields.present')} {m.quorum.present}
          </span>
          <span>
            {t('meetings.fields.onLeave')} {m.quorum.onLeave}
          </span>
        </div>
        <p>{m.quorum.text}</p>
      </section>
      <h2>{t('meetings.screen.agenda')}</h2>
      <ol className="meeting-screen-agenda">
        {m.agenda.map((i) => (
          <li key={i.id}>
            <span className="item-title">{i.title}</span>
            {i.toVote && (
              <span className={`item-result ${i.outcome ?? 'pending'}`}>
                {i.outcome ? t(`meetings.outcome.${i.outcome}`) : t('meetings.detail.notVoted')}
                {i.resultText && <small>{i.resultText}</small>}
              </span>
            )}
          </li>
        ))}
      </ol>
    </main>
  );
}
