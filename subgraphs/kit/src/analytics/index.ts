export * from "./period.js";
export * from "./series.js";
export * from "./protect.js";
export * from "./table.js";
export * from "./statistic.js";
export * from "./people-sql.js";
export * from "./esf.js";
