import {PGlite} from '@electric-sql/pglite';
let t=Date.now();const p=new PGlite();await p.query('select 1');console.log('first',Date.now()-t);
await p.exec('create table a(id int primary key, b text)');
t=Date.now();const dump=await p.dumpDataDir('none');console.log('dump',Date.now()-t, dump.size);
t=Date.now();const q=new PGlite();await q.query('select 1');console.log('second',Date.now()-t);
t=Date.now();const r=new PGlite({loadDataDir:dump});await r.query('select * from a');console.log('load',Date.now()-t);
