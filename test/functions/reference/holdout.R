# Computes R's results for the holdout tests of the SPM.FORECAST smoothing functions: on each
# real series, the last 12 months are forecast from the months before them with the forecast
# package's ses, holt and hw, all with initial = "simple", once with fixed smoothing parameters
# and once with the parameters R chooses by least squares. Writes holdout-cases.json beside this
# script, with the forecasts and the test-set accuracy from forecast::accuracy.
#
# Usage: Rscript test/functions/reference/holdout.R DATA_DIR
# where DATA_DIR is the shared reference data folder (airpassengers.csv and the Superstore
# monthly files). SPM_DATA_DIR is used when no argument is given.
# Written with R 4.2.2 and forecast 8.20 (Debian r-cran-forecast).

suppressMessages({
  library(forecast)
  library(jsonlite)
})

HORIZON <- 12
SEASON_LENGTH <- 12

# Fixed smoothing parameters, the same as in the package's reference cases for AirPassengers.
FIXED_SES <- list(alpha = 0.3)
FIXED_HOLT <- list(alpha = 0.4, beta = 0.1)
FIXED_HW <- list(alpha = 0.3, beta = 0.1, gamma = 0.2)

script_path <- function() {
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  normalizePath(sub("^--file=", "", file_arg[1]))
}

data_dir <- function() {
  args <- commandArgs(trailingOnly = TRUE)
  dir <- if (length(args) >= 1) args[1] else Sys.getenv("SPM_DATA_DIR")
  if (dir == "") stop("Give the reference data folder as the first argument or in SPM_DATA_DIR.")
  dir
}

# One monthly series per group of a long table (month, group column, value column).
series_by_group <- function(table, group_column, value_column, file) {
  groups <- sort(unique(table[[group_column]]))
  lapply(groups, function(group) {
    rows <- table[table[[group_column]] == group, ]
    rows <- rows[order(rows$month), ]
    list(
      name = paste0(file, ": ", group),
      source = list(file = file, filter = setNames(list(group), group_column),
                    value = value_column),
      values = rows[[value_column]],
      start = rows$month[1]
    )
  })
}

read_series <- function(dir) {
  air <- read.csv(file.path(dir, "airpassengers.csv"), stringsAsFactors = FALSE)
  segment <- read.csv(file.path(dir, "superstore_monthly_by_segment.csv"),
                      stringsAsFactors = FALSE)
  ship_mode <- read.csv(file.path(dir, "superstore_monthly_by_shipmode.csv"),
                        stringsAsFactors = FALSE)
  c(
    list(list(
      name = "airpassengers.csv",
      source = list(file = "airpassengers.csv", filter = NULL, value = "passengers"),
      values = air$passengers,
      start = air$month[1]
    )),
    series_by_group(segment, "segment", "sales", "superstore_monthly_by_segment.csv"),
    series_by_group(ship_mode, "ship_mode", "sales", "superstore_monthly_by_shipmode.csv")
  )
}

as_monthly_ts <- function(values, start_month) {
  parts <- as.integer(strsplit(start_month, "-")[[1]])
  ts(values, start = parts, frequency = SEASON_LENGTH)
}

# Test-set row of forecast::accuracy; MASE is scaled by the in-sample seasonal naive error
# (lag 12) because the series are monthly ts objects. Non-finite values become NA (JSON null).
test_accuracy <- function(fit, test) {
  row <- accuracy(fit, test)["Test set", ]
  metrics <- list(ME = row[["ME"]], RMSE = row[["RMSE"]], MAE = row[["MAE"]],
                  MAPE = row[["MAPE"]], MASE = row[["MASE"]])
  lapply(metrics, function(x) if (is.finite(x)) x else NA)
}

fit_case <- function(method, train, params) {
  switch(method,
    ses = ses(train, h = HORIZON, initial = "simple", alpha = params$alpha),
    holt = holt(train, h = HORIZON, initial = "simple", alpha = params$alpha,
                beta = params$beta),
    hw_additive = hw(train, h = HORIZON, initial = "simple", seasonal = "additive",
                     alpha = params$alpha, beta = params$beta, gamma = params$gamma),
    hw_multiplicative = hw(train, h = HORIZON, initial = "simple",
                           seasonal = "multiplicative", alpha = params$alpha,
                           beta = params$beta, gamma = params$gamma)
  )
}

# Smoothing parameters R used: the fixed ones, or those its optimiser chose.
chosen_parameters <- function(fit) {
  par <- fit$model$par
  as.list(par[intersect(c("alpha", "beta", "gamma"), names(par))])
}

make_case <- function(series, method, fixed) {
  n <- length(series$values)
  y <- as_monthly_ts(series$values, series$start)
  train <- window(y, end = time(y)[n - HORIZON])
  test <- window(y, start = time(y)[n - HORIZON + 1])

  params <- if (is.null(fixed)) list() else fixed
  fit <- fit_case(method, train, params)
  list(
    id = paste(series$name, method, if (is.null(fixed)) "optimized" else "fixed"),
    source = series$source,
    train_length = length(train),
    horizon = HORIZON,
    season_length = SEASON_LENGTH,
    method = method,
    optimized = is.null(fixed),
    params = if (is.null(fixed)) NULL else fixed,
    r_params = chosen_parameters(fit),
    r_sse = fit$model$SSE,
    forecast = as.numeric(fit$mean),
    accuracy = test_accuracy(fit, test)
  )
}

cases_for_series <- function(series) {
  methods <- list(
    list("ses", FIXED_SES),
    list("holt", FIXED_HOLT),
    list("hw_additive", FIXED_HW)
  )
  train_values <- head(series$values, length(series$values) - HORIZON)
  if (all(train_values > 0)) {
    methods <- c(methods, list(list("hw_multiplicative", FIXED_HW)))
  }
  cases <- list()
  for (m in methods) {
    cases[[length(cases) + 1]] <- make_case(series, m[[1]], m[[2]])
    cases[[length(cases) + 1]] <- make_case(series, m[[1]], NULL)
  }
  cases
}

main <- function() {
  all_series <- read_series(data_dir())
  cases <- do.call(c, lapply(all_series, cases_for_series))
  output <- list(
    description = paste(
      "Holdout forecasts (last 12 months from the rest) and test-set accuracy from R's",
      "forecast package with initial = \"simple\", written by holdout.R."
    ),
    generated_with = paste0(R.version.string, ", forecast ", packageVersion("forecast")),
    cases = cases
  )
  out_file <- file.path(dirname(script_path()), "holdout-cases.json")
  write_json(output, out_file, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null",
             null = "null")
  cat("Wrote", length(cases), "cases to", out_file, "\n")
}

main()
