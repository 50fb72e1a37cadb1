/** The `ref` a newsletter's article links carry (`newsletter.<issue id>`): an unlock made from one is counted for newsletters. */
export const UNLOCK_REF = /^newsletter\.\d{8}-[0-9a-f]{12}$/;
