import { Alert, Card, Flex, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../components/Page';
import { useAction } from '../../components/mutations';
import { castBallot, savedBallotCode, useVote, verifyPageUrl, voteKey } from './api';
import { BallotForm } from './BallotForm';

/** The deputy's phone-sized ballot (390 px), opened after login or from the hall's QR code. */
export function BallotPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const vote = useVote(id);
  const cast = useAction((choices: Parameters<typeof castBallot>[1]) => castBallot(id, choices), {
    invalidate: voteKey(id),
    successMessage: false,
  });
  useDocumentTitle(vote.data?.title ?? t('votes.ballot.heading'));
  const v = vote.data;
  const code = cast.data?.ballotCode ?? savedBallotCode(id);
  let body;
  if (!v) body = vote.error ? <Alert type="error" message={t('votes.notFound')} /> : <Spin />;
  else if (v.youVoted || cast.data)
    body = (
      <Flex vertical gap="middle">
        <Alert type="success" showIcon message={t('votes.ballot.done')} />
        {code && (
          <Card size="small" title={t('votes.ballot.yourCode')}>
            <Typography.Title level={3} copyable data-testid="ballot-code" style={{ margin: 0, letterSpacing: 2 }}>
              {code}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('votes.ballot.codeHint')}</Typography.Paragraph>
          </Card>
        )}
        {v.state !== 'open' && v.state !== 'draft' && <Link to={verifyPageUrl(v.id)}>{t('votes.verifyLink')}</Link>}
      </Flex>
    );
  else if (v.state === 'draft') body = <Alert type="info" showIcon message={t('votes.ballot.notOpen')} />;
  else if (v.state !== 'open')
    body = (
      <Flex vertical gap="middle">
        <Alert type="warning" showIcon message={t('votes.ballot.closed')} />
        <Link to={verifyPageUrl(v.id)}>{t('votes.verifyLink')}</Link>
      </Flex>
    );
  else if (!v.eligible) body = <Alert type="info" showIcon message={t('votes.ballot.notEligible')} />;
  else
    body = (
      <BallotForm
        vote={v}
        submitLabel={t('votes.ballot.submit')}
        confirm={t('votes.ballot.confirm')}
        pending={cast.isPending}
        // A refused ballot (cast already from another device, or the vote closed meanwhile): the page then
        // shows the vote as it now stands instead of a form that can no longer be sent.
        onSubmit={(c) => cast.mutate(c, { onError: () => void vote.refetch() })}
      />
    );
  return (
    <main style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {v?.title ?? t('votes.ballot.heading')}
      </Typography.Title>
      {v && <Typography.Paragraph type="secondary">{v.ruleText}</Typography.Paragraph>}
      {body}
    </main>
  );
}
