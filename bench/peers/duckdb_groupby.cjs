// Peer: DuckDB through its Node.js package (@duckdb/node-api, from npm;
// bench/run.sh installs it into build-bench/node_modules and runs this file
// with NODE_PATH pointing there).  Sum of Girls + Boys by region p-code and
// intervention type, as a user who wants speed would write it: read_csv
// with DuckDB's own type detection, GROUP BY, nothing normalised.
//
//     NODE_PATH=build-bench/node_modules node bench/peers/duckdb_groupby.cjs FILE
'use strict';
const { DuckDBInstance } = require('@duckdb/node-api');

const QUERY = `
SELECT "Region P-code", "Intervention type", SUM("Girls" + "Boys") AS children
FROM read_csv($path, header = true)
GROUP BY ALL
ORDER BY ALL`;

// A CSV field as the other peers write it (Python's csv module).
function csvField(v) {
	const s = v === null || v === undefined ? '' : String(v);
	return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

async function main(path) {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	const result = await con.runAndReadAll(QUERY, { path });
	const lines = ['Region P-code,Intervention type,children'];
	for (const row of result.getRows())
		lines.push(row.map(csvField).join(','));
	process.stdout.write(lines.join('\n') + '\n');
}

main(process.argv[2]).catch((e) => {
	process.stderr.write(`duckdb_groupby: ${e.message}\n`);
	process.exit(1);
});
