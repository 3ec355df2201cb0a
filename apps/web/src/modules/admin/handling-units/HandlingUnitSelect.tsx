import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';
import { useUnitSource } from '../../../components/remoteSources';

/** Picks a handling unit of one body, searched on the server by name. */
export function HandlingUnitSelect({ bodyId, ...props }: Omit<RemoteSelectProps<string>, 'source'> & { bodyId?: string }) {
  const source = useUnitSource(bodyId);
  return <RemoteSelect<string> source={source} disabled={!bodyId} {...props} />;
}
