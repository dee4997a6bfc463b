/** Server-rendered SVG pictures: the tile map of the regions, trends over runs, a region's history. */
export { type MapTile, type TileMapOptions, tileMapSvg } from "./tile-map.ts";
export { type TrendOptions, type TrendSeries, trendSvg } from "./trend.ts";
export { regionHistory, ruleTrend, runTiles, type Trend, toneOfShare } from "./trend-data.ts";
