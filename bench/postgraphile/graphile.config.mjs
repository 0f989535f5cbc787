// PostGraphile 5 as the peer NewsApi is measured against: the amber preset (what `postgraphile -c` gives)
// over the pg adaptor, on the same database NewsApi serves. bench/run.sh sets DATABASE_URL and PORT.
// GraphiQL and watch mode are off and GET is on, as a production deployment serving cached GETs would be.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public"],
      // pg's own default of 10 connections unless PG_POOL_MAX says otherwise (2 cores gain nothing from more).
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
    }),
  ],
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.PORT ?? 5678),
    graphiql: false,
    watch: false,
    graphqlOverGET: true,
  },
  grafast: { explain: false },
};

export default preset;
