/**
 * Entry of functions.js: loads every custom function family listed in
 * scripts/function-sources.js. The webpack build appends the CustomFunctions.associate calls to
 * each family file, so importing the files is all this entry does.
 */
import "./forecast";
import "./cost";
import "./commission";
import "./kpi";
import "./theta";
import "./auto";
import "./ets";
