# Writes r-cases.json: reference results computed with base R for the tests of the SPM.KPI
# functions on the Superstore sample data. Run from this folder with the shared data folder as
# argument:
#   Rscript make-cases.R <data-folder>
# The inputs are not written out; the tests read them from the data folder by name.
suppressMessages(library(jsonlite))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript make-cases.R <data-folder>")
data_dir <- args[1]

# Sales cycle: days from Order Date to Ship Date of the first 2,000 order lines. For the case
# with open deals, the lines of the Corporate segment count as open (no close date).
orders <- read.csv(file.path(data_dir, "superstore_sample.csv"), fileEncoding = "UTF-8-BOM",
                   stringsAsFactors = FALSE)
orders <- orders[orders$Row.ID <= 2000, ]
created <- as.Date(orders$Order.Date, format = "%m/%d/%Y")
closed <- as.Date(orders$Ship.Date, format = "%m/%d/%Y")
days <- as.numeric(closed - created)
closed_only <- days[orders$Segment != "Corporate"]
cycle <- list(
  rows = nrow(orders),
  all = list(mean = mean(days), median = median(days)),
  corporate_open = list(mean = mean(closed_only), median = median(closed_only),
                        closed = length(closed_only))
)

# Growth of monthly Consumer sales over the previous month and the same month a year earlier:
# (x[t] - x[t - lag]) / abs(x[t - lag]); all values are above 0.
monthly <- read.csv(file.path(data_dir, "superstore_monthly_by_segment.csv"),
                    stringsAsFactors = FALSE)
consumer <- monthly[monthly$segment == "Consumer", ]
consumer <- consumer[order(consumer$month), ]
x <- consumer$sales
growth_of <- function(lag) {
  c(rep(NA, lag), (x[(lag + 1):length(x)] - x[1:(length(x) - lag)]) / abs(x[1:(length(x) - lag)]))
}

# CAGR from the 2016 to the 2019 yearly Consumer sales, 3 years apart.
yearly <- tapply(x, substr(consumer$month, 1, 4), sum)
cagr <- (yearly[["2019"]] / yearly[["2016"]])^(1 / 3) - 1

cases <- list(
  versions = list(r = paste(R.version$major, R.version$minor, sep = ".")),
  sales_cycle = cycle,
  growth = list(months = consumer$month, period = growth_of(1), year = growth_of(12)),
  cagr = list(begin = yearly[["2016"]], end = yearly[["2019"]], years = 3, value = cagr)
)
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "r-cases.json")
