/** Structured details (audit detail, outbox payload) as readable, wrapped JSON. */
export function JsonView({ value }: { value: unknown }) {
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: '0.9em', background: '#f6f8fa', padding: 8, borderRadius: 4 }}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
