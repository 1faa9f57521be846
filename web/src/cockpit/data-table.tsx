import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The numbers behind a chart, for people who cannot see it or want exact values (WCAG 1.1.1). */
export function DataTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <details style={{ marginTop: 8 }}>
      <summary style={{ cursor: 'pointer' }} aria-controls={id}>
        {t('cockpit.showTable')}
      </summary>
      <table id={id} style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }}>
        <caption className="zt-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" style={{ textAlign: 'left', borderBottom: '1px solid #1c3a66', padding: 4 }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) => (
                <td key={`${String(row[0])}-${headers[i] ?? i}`} style={{ padding: 4, borderBottom: '1px solid #132c50' }}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
