# Writes seasonality-cases.json: the season length that findfrequency() of R's forecast package
# returns for the series the tests of detectSeasonLength compare against. Run from this folder
# with the shared data folder as argument:
#   Rscript seasonality.R <data-folder>
# The synthetic inputs are written out. AirPassengers and the M3 series are not: the file keeps
# only their ids and R's results, and the tests read the values from the data folder.
suppressMessages({
  library(forecast)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript seasonality.R <data-folder>")
data_dir <- args[1]

versions <- list(
  r = paste(R.version$major, R.version$minor, sep = "."),
  forecast = as.character(packageVersion("forecast"))
)

case <- function(id, y) {
  list(id = id, input = y, expected = findfrequency(y))
}

# The clean monthly pattern: a yearly sine of amplitude 20 on a slope of 1 per month.
clean_pattern <- lapply(24:72, function(n) {
  t <- 0:(n - 1)
  case(sprintf("clean-monthly-n%d", n), round(100 + 20 * sin(2 * pi * t / 12) + t, 2))
})

# Standard normal white noise, its cumulative sums (random walks), and random walks observed
# with noise of standard deviation 2 (local level), rounded to 4 decimals so the JSON holds the
# exact input R saw.
white_noise <- list()
random_walk <- list()
local_level <- list()
for (seed in 1:10) {
  for (n in c(48, 120)) {
    set.seed(seed)
    e <- round(rnorm(n), 4)
    noise <- rnorm(n, sd = 2)
    white_noise[[length(white_noise) + 1]] <- case(sprintf("white-noise-seed%d-n%d", seed, n), e)
    random_walk[[length(random_walk) + 1]] <- case(
      sprintf("random-walk-seed%d-n%d", seed, n), round(cumsum(e), 4)
    )
    local_level[[length(local_level) + 1]] <- case(
      sprintf("local-level-seed%d-n%d", seed, n), round(cumsum(e) + noise, 4)
    )
  }
}

air <- read.csv(file.path(data_dir, "airpassengers.csv"))
air_passengers <- list(file = "airpassengers.csv", expected = findfrequency(air$passengers))

# 50 of the M3 monthly series, every 14th row of the file from the first.
m3 <- read.csv(file.path(data_dir, "m3-monthly-odd", "train.csv"), stringsAsFactors = FALSE)
rows <- seq(1, by = 14, length.out = 50)
m3_monthly <- lapply(rows, function(i) {
  y <- as.numeric(m3[i, sprintf("v%d", seq_len(m3$n[i]))])
  list(series = m3$series[i], n = m3$n[i], expected = findfrequency(y))
})

out <- list(
  versions = versions,
  clean_pattern = clean_pattern,
  white_noise = white_noise,
  random_walk = random_walk,
  local_level = local_level,
  air_passengers = air_passengers,
  m3_file = "m3-monthly-odd/train.csv",
  m3_monthly = m3_monthly
)
write_json(out, "seasonality-cases.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
