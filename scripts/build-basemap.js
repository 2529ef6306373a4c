// Build static/incidents/basemap/countries.geojson, the offline basemap drawn beneath the map tiles.
//
// Input: Natural Earth 1:50m admin-0 countries (public domain) as redistributed by the npm package
// world-atlas@2.0.2 (ISC), converted with topojson-client@3.1.0 (ISC). Neither is a run-time dependency:
//   cd /tmp && npm pack world-atlas@2.0.2 topojson-client@3.1.0 && mkdir wa tc \
//     && tar xzf world-atlas-2.0.2.tgz -C wa && tar xzf topojson-client-3.1.0.tgz -C tc
//   node scripts/build-basemap.js /tmp/wa/package/countries-50m.json /tmp/tc/package > static/incidents/basemap/countries.geojson
const path = require("path");
const [, , atlasPath, clientDir] = process.argv;
const topojson = require(path.resolve(clientDir, "dist/topojson-client.js"));
const atlas = require(path.resolve(atlasPath));

// Iraq, Syria and their neighbours; label points are [lon, lat] chosen by hand inside each country.
const COUNTRIES = {
  Iraq: { name_ar: "العراق", iso: "IQ", label: [43.6, 33.0] },
  Syria: { name_ar: "سوريا", iso: "SY", label: [37.8, 35.5] },
  Turkey: { name_ar: "تركيا", iso: "TR", label: [35.0, 39.0] },
  Iran: { name_ar: "إيران", iso: "IR", label: [53.5, 32.5] },
  Jordan: { name_ar: "الأردن", iso: "JO", label: [36.8, 31.0] },
  "Saudi Arabia": { name_ar: "السعودية", iso: "SA", label: [44.5, 24.5] },
  Kuwait: { name_ar: "الكويت", iso: "KW", label: [47.6, 29.3] },
  Lebanon: { name_ar: "لبنان", iso: "LB", label: null },
  Israel: { name_ar: "إسرائيل", iso: "IL", label: null },
  Palestine: { name_ar: "فلسطين", iso: "PS", label: null },
  Cyprus: { name_ar: "قبرص", iso: "CY", label: null },
  "N. Cyprus": { name_ar: "شمال قبرص", iso: "", label: null },
  Egypt: { name_ar: "مصر", iso: "EG", label: [30.0, 26.5] },
  Armenia: { name_ar: "أرمينيا", iso: "AM", label: null },
  Azerbaijan: { name_ar: "أذربيجان", iso: "AZ", label: null },
  Georgia: { name_ar: "جورجيا", iso: "GE", label: null },
  Bahrain: { name_ar: "البحرين", iso: "BH", label: null },
  Qatar: { name_ar: "قطر", iso: "QA", label: null },
  "United Arab Emirates": { name_ar: "الإمارات", iso: "AE", label: null },
};

const round = (value) => Math.round(value * 1000) / 1000;
const roundCoords = (coords) => (typeof coords[0] === "number" ? coords.map(round) : coords.map(roundCoords));

const all = topojson.feature(atlas, atlas.objects.countries).features;
const features = all
  .filter((feature) => feature.properties.name in COUNTRIES)
  .map((feature) => {
    const extra = COUNTRIES[feature.properties.name];
    return {
      type: "Feature",
      properties: { name_en: feature.properties.name, name_ar: extra.name_ar, iso: extra.iso, label: extra.label },
      geometry: { type: feature.geometry.type, coordinates: roundCoords(feature.geometry.coordinates) },
    };
  });
const missing = Object.keys(COUNTRIES).filter((name) => !features.some((f) => f.properties.name_en === name));
if (missing.length) throw new Error("Not in the atlas: " + missing.join(", "));
process.stdout.write(
  JSON.stringify({
    type: "FeatureCollection",
    source: "Natural Earth 1:50m admin-0 countries v4.1.0 (public domain), via world-atlas 2.0.2",
    features,
  }) + "\n"
);
